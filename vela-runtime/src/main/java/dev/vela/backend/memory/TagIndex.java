package dev.vela.backend.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag to keys, kept consistent with the entry map under concurrent writes, expiry and eviction.
 *
 * <p>The rule that keeps it right without a global lock: the index is only changed while holding
 * the entry map's lock for that key (inside {@code compute}), and only to match what the key holds
 * at that moment. A key is added to a tag only if its current entry carries the tag, and removed
 * only if it does not. A write that may have changed a key's tags calls {@link #reconcile} after
 * it, naming the tags of the entry it replaced; whichever reconcile runs last for a key sees the
 * final entry, so once writes stop every key is listed under exactly the tags of its live entry.
 */
final class TagIndex<K> {
  private final ConcurrentHashMap<K, Object> entries;
  private final ConcurrentHashMap<String, Set<K>> keysByTag = new ConcurrentHashMap<>();

  TagIndex(ConcurrentHashMap<K, Object> entries) {
    this.entries = entries;
  }

  /**
   * Makes the index match what {@code key} holds now, for {@code staleTags} (tags of an entry the
   * caller replaced or removed, or null) and for the tags of the current entry.
   */
  void reconcile(K key, Set<String> staleTags) {
    entries.compute(key, (k, current) -> {
      Set<String> currentTags = Node.tagsOf(current);
      if (staleTags != null) {
        for (String tag : staleTags) {
          if (currentTags == null || !currentTags.contains(tag)) {
            remove(tag, k);
          }
        }
      }
      if (currentTags != null) {
        for (String tag : currentTags) {
          add(tag, k);
        }
      }
      return current;
    });
  }

  /**
   * Removes the entry under {@code key} if it carries {@code tag}, with all its index entries, and
   * returns what was removed; otherwise drops the key from the tag's list and returns null.
   */
  Object removeIfTagged(K key, String tag) {
    Object[] removed = new Object[1];
    entries.compute(key, (k, current) -> {
      Set<String> tags = Node.tagsOf(current);
      if (tags == null || !tags.contains(tag)) {
        remove(tag, k);
        return current;
      }
      for (String each : tags) {
        remove(each, k);
      }
      removed[0] = current;
      return null;
    });
    return removed[0];
  }

  /** The keys listed under {@code tag}: a live, weakly consistent view, empty when none. */
  Set<K> keysOf(String tag) {
    Set<K> keys = keysByTag.get(tag);
    return keys == null ? Set.of() : keys;
  }

  /** The number of tags in use. */
  int tagCount() {
    return keysByTag.size();
  }

  /** A copy of the whole index, for consistency checks. */
  Map<String, Set<K>> snapshot() {
    Map<String, Set<K>> copy = new HashMap<>();
    keysByTag.forEach((tag, keys) -> copy.put(tag, Set.copyOf(keys)));
    return copy;
  }

  void clear() {
    keysByTag.clear();
  }

  private void add(String tag, K key) {
    keysByTag.compute(tag, (t, keys) -> {
      Set<K> set = keys == null ? ConcurrentHashMap.newKeySet() : keys;
      set.add(key);
      return set;
    });
  }

  private void remove(String tag, K key) {
    // removing the set when it empties happens under the tag's lock, like adding, so no add is lost
    keysByTag.computeIfPresent(tag, (t, keys) -> {
      keys.remove(key);
      return keys.isEmpty() ? null : keys;
    });
  }
}
