package dev.vela.topology.partitioned;

import dev.vela.VelaException;

/**
 * The fetch of one key that its owner granted to a thread of this node, while it runs: when
 * storing the fetched value fails, how to store it again and why it failed, so that the fetch
 * still returns its value and stores it once a new owner takes the key.
 *
 * @param <K> the key type
 */
final class GrantedFetch<K> {
  private final K key;
  private Runnable storeAgain;
  private VelaException failure;

  GrantedFetch(K key) {
    this.key = key;
  }

  K key() {
    return key;
  }

  /** Storing the value failed with {@code failure}; {@code storeAgain} stores it anew. */
  void storeFailed(Runnable storeAgain, VelaException failure) {
    this.storeAgain = storeAgain;
    this.failure = failure;
  }

  /** How to store the value again, or null when storing it did not fail. */
  Runnable storeAgain() {
    return storeAgain;
  }

  /** Why storing the value failed, or null when it did not. */
  VelaException failure() {
    return failure;
  }
}
