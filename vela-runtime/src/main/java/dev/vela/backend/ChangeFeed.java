package dev.vela.backend;

/**
 * Where a near cache learns that entries changed somewhere else, and tells the others about its own
 * changes. A clustered topology carries both directions over its cluster channel; a backend shared
 * by several processes (Redis) reports every change itself, so its {@code announce} methods do
 * nothing.
 *
 * @param <K> the key type
 */
public interface ChangeFeed<K> {

  /**
   * Starts telling {@code listener} about changes made elsewhere. One listener per feed; a second
   * call replaces the first.
   */
  void subscribe(ChangeListener<K> listener);

  /**
   * True while changes made elsewhere reach the listener; false while contact is lost, when a near
   * cache must not keep what it reads.
   */
  boolean isLive();

  /** Tells the others that this node changed {@code key}; called after the change is stored. */
  default void announceKey(K key) {}

  /** Tells the others that this node removed the entries tagged {@code tag}. */
  default void announceTag(String tag) {}

  /** Tells the others that this node removed every entry. */
  default void announceFlush() {}

  /** Stops telling the listener; releases what the feed holds. Idempotent. */
  void unsubscribe();
}
