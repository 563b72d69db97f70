package dev.vela.near;

import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import java.util.List;

/**
 * The near cache's side of the change feeds: a change made here is forgotten in the L1 and
 * announced on every feed, and a change a feed reports (made on another node or by another
 * process, or possibly missed) is forgotten in the L1. Forgetting goes through the
 * {@link InvalidationSequence}, so a fill that read the L2 meanwhile is not kept.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NearChanges<K, V> {
  private final L1Store<K, V> l1;
  private final InvalidationSequence invalidations;
  private final List<ChangeFeed<K>> feeds;

  NearChanges(L1Store<K, V> l1, InvalidationSequence invalidations, List<ChangeFeed<K>> feeds) {
    this.l1 = l1;
    this.invalidations = invalidations;
    this.feeds = List.copyOf(feeds);
  }

  /**
   * Subscribes to every feed; when one cannot start, unsubscribes from all again.
   *
   * @throws dev.vela.VelaException when a change feed cannot start (Redis refuses client tracking)
   */
  void subscribe() {
    ChangeListener<K> listener = new RemoteChanges();
    try {
      feeds.forEach(feed -> feed.subscribe(listener));
    } catch (RuntimeException e) {
      feeds.forEach(ChangeFeed::unsubscribe);
      throw e;
    }
  }

  void unsubscribe() {
    feeds.forEach(ChangeFeed::unsubscribe);
  }

  /** True when every feed is in contact, so an entry read now may be kept in the L1. */
  boolean feedsLive() {
    for (ChangeFeed<K> feed : feeds) {
      if (!feed.isLive()) {
        return false;
      }
    }
    return true;
  }

  /** After a change made here: forgets the key here, then tells the other nodes. */
  void changed(K key) {
    forget(key);
    for (ChangeFeed<K> feed : feeds) {
      feed.announceKey(key);
    }
  }

  /** After a flush made here: forgets every entry here, then tells the other nodes. */
  void flushed() {
    forgetAll();
    feeds.forEach(ChangeFeed::announceFlush);
  }

  /** After a tag invalidation made here: forgets the tag's entries here, then tells the other nodes. */
  void tagInvalidated(String tag) {
    forgetTag(tag);
    feeds.forEach(feed -> feed.announceTag(tag));
  }

  private void forget(K key) {
    invalidations.invalidateKey(key, () -> l1.delete(key));
  }

  private void forgetTag(String tag) {
    invalidations.invalidateAll(() -> l1.invalidateTag(tag));
  }

  private void forgetAll() {
    invalidations.invalidateAll(l1::flush);
  }

  /** Changes reported by the feeds: made on other nodes or by other processes, or possibly missed. */
  private final class RemoteChanges implements ChangeListener<K> {
    @Override
    public void keyChanged(K key) {
      forget(key);
    }

    @Override
    public void tagChanged(String tag) {
      forgetTag(tag);
    }

    @Override
    public void allChanged() {
      forgetAll();
    }
  }
}
