package dev.vela.backend.memory;

import dev.vela.Weigher;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The MEMORY backend: entries as objects in one {@link ConcurrentHashMap}, with no copies.
 *
 * <p>Unbounded, a read is one map lookup with no lock and no allocation; an entry with neither
 * expiry nor tags is held as its bare value, else as a small immutable {@link Node}. Bounded (a
 * {@code maxSize}, or a {@code maxWeight} with a {@link Weigher}), every node also has a place in
 * an {@link dev.vela.backend.eviction.EvictionOrder}; reads offer the node to a striped buffer,
 * and writes change the map, the tag index and the order together under the eviction lock,
 * evicting until the cache is within its limit again.
 *
 * <p>{@link #putAll} is atomic for readers: it installs {@link PendingNode}s that still show the
 * old entries, then commits them all with one volatile write (see {@link PutAllBatch}). Writers of
 * the same keys are kept out by the cache core's key locks.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MemoryBackend<K, V> implements CacheBackend<K, V> {
  private final ConcurrentHashMap<K, Object> map = new ConcurrentHashMap<>();
  private final TagIndex<K> tagIndex = new TagIndex<>(map);
  private final InstantSource clock;
  private final RemovalListener<? super K, ? super V> listener;
  private final Eviction<K, V> eviction;
  // once an entry that expires was stored, size() has to look at every entry
  private volatile boolean mayHoldExpiring;
  // until a node is stored, every value in the map is bare, so a read need not look at its type
  private volatile boolean mayHoldNodes;

  private MemoryBackend(InstantSource clock, RemovalListener<? super K, ? super V> listener, Eviction<K, V> eviction) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.eviction = eviction;
    this.mayHoldNodes = eviction != null;
  }

  /** A memory backend without a size limit. */
  public static <K, V> MemoryBackend<K, V> unbounded(InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return new MemoryBackend<>(clock, listener, null);
  }

  /**
   * A memory backend holding at most {@code maxSize} entries, evicting by {@code policy}. Reads
   * are replayed into the eviction order on the common pool (see {@link Eviction}).
   *
   * @throws IllegalArgumentException when {@code maxSize} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> bounded(
      long maxSize, EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return bounded(maxSize, policy, clock, listener, ForkJoinPool.commonPool());
  }

  /**
   * A bounded backend whose reads are replayed on {@code maintenance}: the executor a cache's
   * builder was given, or a test's.
   *
   * @throws IllegalArgumentException when {@code maxSize} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> bounded(long maxSize, EvictionPolicy policy, InstantSource clock,
      RemovalListener<? super K, ? super V> listener, Executor maintenance) {
    Objects.requireNonNull(policy, "policy must not be null");
    return new MemoryBackend<>(clock, listener, new Eviction<>(maxSize, policy, null, maintenance));
  }

  /**
   * A memory backend whose entries weigh at most {@code maxWeight} in total, each as {@code
   * weigher} says when it is written, evicting by {@code policy}.
   *
   * @throws IllegalArgumentException when {@code maxWeight} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> weighted(long maxWeight, Weigher<? super K, ? super V> weigher,
      EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return weighted(maxWeight, weigher, policy, clock, listener, ForkJoinPool.commonPool());
  }

  /**
   * A weighted backend whose reads are replayed on {@code maintenance}: the executor a cache's
   * builder was given, or a test's.
   *
   * @throws IllegalArgumentException when {@code maxWeight} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> weighted(long maxWeight, Weigher<? super K, ? super V> weigher,
      EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener,
      Executor maintenance) {
    Objects.requireNonNull(policy, "policy must not be null");
    Objects.requireNonNull(weigher, "weigher must not be null");
    return new MemoryBackend<>(clock, listener, new Eviction<>(maxWeight, policy, weigher, maintenance));
  }

  @Override
  public V get(K key) {
    Object stored = map.get(key);
    // read after the map: a writer sets the flag before it publishes its node, so a reader that
    // sees the node sees the flag; until then the value's header (a cache miss) is not touched
    if (!mayHoldNodes) {
      @SuppressWarnings("unchecked")
      V bare = (V) stored;
      return bare;
    }
    if (stored instanceof Node) {
      @SuppressWarnings("unchecked")
      Node<V> node = (Node<V>) stored;
      return readNode(key, node);
    }
    @SuppressWarnings("unchecked")
    V bare = (V) stored;
    return bare;
  }

  @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
  private V readNode(K key, Node<V> node) {
    long expiresAt = node.expiresAt(); // before the value: see Node
    if (expiresAt != Node.NO_EXPIRY) {
      if (node instanceof PendingNode<V> pending) {
        return readVisible(key, pending.visible());
      }
      if (expiresAt <= clock.millis()) {
        expire(key, node);
        return null;
      }
    }
    if (eviction != null) {
      eviction.recordRead((LinkedNode<K, V>) node);
    }
    return node.value;
  }

  @SuppressWarnings("unchecked")
  private V readVisible(K key, Object visible) {
    return visible instanceof Node ? readNode(key, (Node<V>) visible) : (V) visible;
  }

  @Override
  public StoredEntry<V> entry(K key) {
    Object visible = PendingNode.visibleOf(map.get(key));
    if (visible == null) {
      return null;
    }
    StoredEntry<V> entry = toEntry(visible);
    if (!entry.neverExpires() && entry.isExpiredAt(clock.millis())) { // most entries spare the clock
      expire(key, (Node<?>) visible);
      return null;
    }
    return entry;
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    Set<String> kept = Node.tagsOrNull(tags);
    noteExpiry(expiresAtMillis);
    if (eviction == null) {
      Object stored = Node.unbounded(value, expiresAtMillis, kept);
      noteNode(stored);
      Object old = map.put(key, stored);
      reconcileTags(key, old, kept);
      return;
    }
    int weight = eviction.weigh(key, value);
    eviction.lock();
    try {
      Object current = map.get(key);
      if (current instanceof LinkedNode<?, ?> linked) {
        @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
        LinkedNode<K, V> existing = (LinkedNode<K, V>) linked;
        if (overwriteInPlace(key, existing, value, expiresAtMillis, kept, weight)) {
          return;
        }
      }
      LinkedNode<K, V> node = LinkedNode.of(key, value, expiresAtMillis, kept);
      Object old = map.put(key, node);
      reconcileTags(key, old, kept);
      eviction.written(old, node, weight);
      evictOverflow();
    } finally {
      eviction.unlock();
    }
  }

  /**
   * Overwrites a bounded entry in place when the node's kind fits the new entry (a tags field for
   * tags, an expiry field for an expiry), which spares an allocation, a relink of its neighbours and
   * garbage linked from old nodes. Counts as a use. Caller holds the eviction lock.
   */
  private boolean overwriteInPlace(K key, LinkedNode<K, V> node, V value, long expiresAt, Set<String> tags,
      int weight) {
    Set<String> oldTags = node.tags();
    TimedLinkedNode<K, V> timed = node instanceof TimedLinkedNode<K, V> withExpiry ? withExpiry : null;
    if ((oldTags == null) != (tags == null) || (timed == null && expiresAt != Node.NO_EXPIRY)) {
      return false;
    }
    node.value = value;
    if (tags != null) {
      ((TaggedLinkedNode<K, V>) node).setTags(tags);
    }
    if (timed != null) {
      timed.expireAt(expiresAt); // after the value: see Node
    }
    if (oldTags != null) {
      tagIndex.reconcile(key, oldTags);
    }
    eviction.touched(node, weight);
    evictOverflow(); // a heavier value can take the cache over its weight
    return true;
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<K> keys = new ArrayList<>(entries.size());
    List<PendingNode<V>> pendings = new ArrayList<>(entries.size());
    int[] weights = new int[entries.size()];
    PutAllBatch batch = new PutAllBatch();
    // build every node before anything is installed, so a bad entry cannot leave a batch half-done
    for (Map.Entry<K, StoredEntry<V>> each : entries.entrySet()) {
      K key = Objects.requireNonNull(each.getKey(), "putAll entries must not hold a null key");
      StoredEntry<V> entry = Objects.requireNonNull(each.getValue(), "putAll entries must not hold a null entry");
      Set<String> tags = Node.tagsOrNull(entry.tags());
      noteExpiry(entry.expiresAtMillis());
      Object next = eviction == null
          ? Node.unbounded(entry.value(), entry.expiresAtMillis(), tags)
          : LinkedNode.of(key, entry.value(), entry.expiresAtMillis(), tags);
      if (eviction != null) {
        weights[keys.size()] = eviction.weigh(key, entry.value());
      }
      keys.add(key);
      pendings.add(new PendingNode<>(batch, next));
    }
    noteNode(pendings.get(0));
    lockIfBounded();
    try {
      for (int i = 0; i < keys.size(); i++) {
        install(keys.get(i), pendings.get(i));
      }
      batch.commit();
      for (int i = 0; i < keys.size(); i++) {
        settle(keys.get(i), pendings.get(i), weights[i]);
      }
    } finally {
      unlockIfBounded();
    }
  }

  private void install(K key, PendingNode<V> pending) {
    map.compute(key, (k, current) -> {
      pending.previous = current; // before the node is published, so readers see the old entry
      return pending;
    });
    reconcileTags(key, pending.previous, pending.tags());
  }

  @SuppressWarnings("unchecked")
  private void settle(K key, PendingNode<V> pending, int weight) {
    if (map.replace(key, pending, pending.next) && eviction != null) {
      LinkedNode<K, V> node = (LinkedNode<K, V>) pending.next;
      eviction.written(pending.previous, node, weight);
      evictOverflow();
    }
  }

  @Override
  public boolean delete(K key) {
    Object old;
    lockIfBounded();
    try {
      old = map.remove(key);
      if (old != null) {
        afterRemoval(key, old);
      }
    } finally {
      unlockIfBounded();
    }
    return old != null && countAsLive(key, PendingNode.visibleOf(old), clock.millis());
  }

  /**
   * Bounded, the whole step runs under the eviction lock through {@link #entry}, {@link #put} and
   * {@link #delete}, which re-enter it. Unbounded, it compares and swaps the map's slot, retrying
   * when another writer changed it between the look and the swap.
   */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    if (eviction == null) {
      return writeUnbounded(key, condition, update);
    }
    eviction.lock();
    try {
      StoredEntry<V> current = entry(key);
      if (!condition.test(current)) {
        return new WriteResult<>(false, current);
      }
      StoredEntry<V> next = update.apply(current);
      if (next != null) {
        put(key, next.value(), next.expiresAtMillis(), next.tags());
      } else if (current != null) {
        delete(key);
      }
      return new WriteResult<>(true, current);
    } finally {
      eviction.unlock();
    }
  }

  private WriteResult<V> writeUnbounded(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    while (true) {
      Object stored = map.get(key);
      Object visible = PendingNode.visibleOf(stored);
      StoredEntry<V> current = visible == null ? null : toEntry(visible);
      if (current != null && !current.neverExpires() && current.isExpiredAt(clock.millis())) {
        if (stored == visible) {
          expire(key, (Node<?>) visible); // then look again: the slot is empty, or another writer filled it
          continue;
        }
        current = null; // shown by a putAll not yet committed: absent, and swapped like any other
      }
      if (!condition.test(current)) {
        return new WriteResult<>(false, current);
      }
      Object replacement = unboundedAfter(update, current);
      // equal bare values are equal entries (no expiry, no tags), so a swap over an equal one is right
      boolean swapped = replacement == null
          ? stored == null || map.remove(key, stored)
          : stored == null ? map.putIfAbsent(key, replacement) == null : map.replace(key, stored, replacement);
      if (swapped) {
        reconcileTags(key, stored, Node.tagsOf(replacement));
        return new WriteResult<>(true, current);
      }
    }
  }

  /** What an unbounded map holds after {@code update} of {@code current}; null when it removes the entry. */
  private Object unboundedAfter(EntryUpdate<V> update, StoredEntry<V> current) {
    V value;
    long expiresAt;
    Set<String> tags;
    if (update instanceof EntryUpdate.Put<V> put) { // the common update, stored without an entry in between
      value = put.value();
      expiresAt = put.expiryAfter(current);
      tags = put.tagsAfter(current);
    } else {
      StoredEntry<V> next = update.apply(current);
      if (next == null) {
        return null;
      }
      value = next.value();
      expiresAt = next.expiresAtMillis();
      tags = next.tags();
    }
    noteExpiry(expiresAt);
    Object replacement = Node.unbounded(value, expiresAt, Node.tagsOrNull(tags));
    noteNode(replacement);
    return replacement;
  }

  @Override
  public long size() {
    if (!mayHoldExpiring) {
      return map.mappingCount();
    }
    long now = clock.millis();
    long live = 0;
    for (Object stored : map.values()) {
      Object visible = PendingNode.visibleOf(stored);
      if (visible != null && !isExpiredAt(visible, now)) {
        live++;
      }
    }
    return live;
  }

  @Override
  public long flush() {
    long now = clock.millis();
    long removed = 0;
    lockIfBounded();
    try {
      for (Map.Entry<K, Object> each : map.entrySet()) {
        K key = each.getKey();
        Object stored = each.getValue();
        if (map.remove(key, stored)) {
          afterRemoval(key, stored);
          if (countAsLive(key, PendingNode.settledOf(stored), now)) {
            removed++;
          }
        }
      }
    } finally {
      unlockIfBounded();
    }
    return removed;
  }

  @Override
  public long invalidateTag(String tag) {
    long now = clock.millis();
    long removed = 0;
    lockIfBounded();
    try {
      for (K key : tagIndex.keysOf(tag)) {
        Object stored = tagIndex.removeIfTagged(key, tag);
        if (stored != null) {
          if (eviction != null) {
            eviction.removed(stored);
          }
          if (countAsLive(key, PendingNode.settledOf(stored), now)) {
            removed++;
          }
        }
      }
    } finally {
      unlockIfBounded();
    }
    return removed;
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    long now = clock.millis();
    return map.entrySet().stream()
        .map(each -> liveEntry(each.getKey(), PendingNode.visibleOf(each.getValue()), now))
        .filter(Objects::nonNull);
  }

  private Map.Entry<K, StoredEntry<V>> liveEntry(K key, Object visible, long now) {
    if (visible == null || isExpiredAt(visible, now)) {
      return null;
    }
    return Map.entry(key, toEntry(visible));
  }

  @Override
  public long removeExpired(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    long now = clock.millis();
    long removed = 0;
    List<K> keys = new ArrayList<>();
    List<Node<V>> nodes = new ArrayList<>();
    for (Map.Entry<K, Object> each : map.entrySet()) {
      if (each.getValue() instanceof Node<?> node && !(node instanceof PendingNode) && node.expiresAt() <= now) {
        @SuppressWarnings("unchecked")
        Node<V> expired = (Node<V>) node;
        keys.add(each.getKey());
        nodes.add(expired);
        if (keys.size() == batchSize) {
          removed += removeBatch(keys, nodes, now);
        }
      }
    }
    return removed + removeBatch(keys, nodes, now);
  }

  private long removeBatch(List<K> keys, List<Node<V>> nodes, long now) {
    long removed = 0;
    lockIfBounded();
    try {
      for (int i = 0; i < keys.size(); i++) {
        K key = keys.get(i);
        Node<V> node = nodes.get(i);
        // a bounded node may have been overwritten in place since it was found expired
        if (node.expiresAt() <= now && map.remove(key, node)) {
          afterRemoval(key, node);
          listener.onRemoval(key, node.value, RemovalCause.EXPIRED);
          removed++;
        }
      }
    } finally {
      unlockIfBounded();
    }
    keys.clear();
    nodes.clear();
    return removed;
  }

  @Override
  public long heldEntries() {
    return map.mappingCount();
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("memory.bounded", Boolean.toString(eviction != null));
    if (eviction != null) {
      details.put("memory.evictionOrder", eviction.policy().name());
      details.put(eviction.isWeighted() ? "memory.maxWeight" : "memory.maxSize", Long.toString(eviction.maximum()));
      details.put("memory.tracked", Long.toString(eviction.tracked()));
      if (eviction.isWeighted()) {
        details.put("memory.weight", Long.toString(eviction.weightedSize()));
      }
    }
    details.put("memory.tags", Integer.toString(tagIndex.tagCount()));
    return details;
  }

  @Override
  public void close() {
    lockIfBounded();
    try {
      map.clear();
      tagIndex.clear();
    } finally {
      unlockIfBounded();
    }
  }

  /** The tag index as it stands, for consistency checks in tests. */
  Map<String, Set<K>> tagIndexSnapshot() {
    return tagIndex.snapshot();
  }

  /** Replays buffered reads into the eviction order, for tests that check the order. */
  void drainReads() {
    if (eviction != null) {
      eviction.drainReads();
    }
  }

  /** The number of entries the eviction order tracks, or -1 when unbounded; for tests. */
  long trackedByEviction() {
    return eviction == null ? -1 : eviction.tracked();
  }

  private void expire(K key, Node<?> node) {
    boolean removed;
    lockIfBounded();
    try {
      // a bounded node may have been overwritten in place since the caller found it expired
      removed = node.expiresAt() <= clock.millis() && map.remove(key, node);
      if (removed) {
        afterRemoval(key, node);
      }
    } finally {
      unlockIfBounded();
    }
    if (removed) {
      @SuppressWarnings("unchecked")
      V value = (V) node.value;
      listener.onRemoval(key, value, RemovalCause.EXPIRED);
    }
  }

  /** Evicts while over the limit, as the eviction order chooses. Caller holds the eviction lock. */
  private void evictOverflow() {
    LinkedNode<K, V> victim;
    while ((victim = eviction.nextVictim()) != null) {
      eviction.removed(victim);
      if (map.remove(victim.key, victim)) {
        reconcileTags(victim.key, victim, null);
        long expiresAt = victim.expiresAt();
        // most victims never expire: they spare a read of the clock on every eviction
        boolean expired = expiresAt != Node.NO_EXPIRY && expiresAt <= clock.millis();
        listener.onRemoval(victim.key, victim.value, expired ? RemovalCause.EXPIRED : RemovalCause.EVICTED);
      }
    }
  }

  /** Keeps the tag index and eviction order in step after {@code old} left the map. */
  private void afterRemoval(K key, Object old) {
    if (eviction != null) {
      eviction.removed(old);
    }
    reconcileTags(key, old, null);
  }

  /** Reconciles the tag index for {@code key} when the old or the new entry has tags. */
  private void reconcileTags(K key, Object old, Set<String> newTags) {
    if (newTags == null && !mayHoldNodes) {
      return; // neither entry is a node, so neither has tags; spares a look at the old value's header
    }
    Set<String> oldTags = Node.tagsOf(old);
    if (oldTags != null || newTags != null) {
      tagIndex.reconcile(key, oldTags);
    }
  }

  /**
   * True when a removed entry was live; an expired one is reported to the listener instead, as
   * it left by expiry rather than by the caller's removal.
   */
  @SuppressWarnings("unchecked")
  private boolean countAsLive(K key, Object removed, long now) {
    if (removed == null) {
      return false;
    }
    if (isExpiredAt(removed, now)) {
      listener.onRemoval(key, ((Node<V>) removed).value, RemovalCause.EXPIRED);
      return false;
    }
    return true;
  }

  private static boolean isExpiredAt(Object visible, long now) {
    return visible instanceof Node<?> node && node.expiresAt() <= now;
  }

  @SuppressWarnings("unchecked")
  private StoredEntry<V> toEntry(Object visible) {
    if (visible instanceof Node<?> node) {
      long expiresAt = node.expiresAt(); // before the value and tags: see Node
      return new StoredEntry<>((V) node.value, expiresAt, node.tags());
    }
    return new StoredEntry<>((V) visible, StoredEntry.NO_EXPIRY, null);
  }

  private void noteExpiry(long expiresAtMillis) {
    if (expiresAtMillis != StoredEntry.NO_EXPIRY && !mayHoldExpiring) {
      mayHoldExpiring = true;
    }
  }

  private void noteNode(Object stored) {
    if (stored instanceof Node<?> && !mayHoldNodes) {
      mayHoldNodes = true;
    }
  }

  private void lockIfBounded() {
    if (eviction != null) {
      eviction.lock();
    }
  }

  private void unlockIfBounded() {
    if (eviction != null) {
      eviction.unlock();
    }
  }
}
