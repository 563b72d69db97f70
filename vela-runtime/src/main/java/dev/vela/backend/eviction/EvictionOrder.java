package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;

/**
 * The order in which a bounded cache gives up entries, by one {@link EvictionPolicy}, within a
 * maximum total weight (with a weight of 1 per entry, the maximum is a number of entries).
 *
 * <p>A cache reports every filled miss ({@link #add}), every hit ({@link #touch}), overwrite
 * ({@link #update}, or {@link #replace} when a new node stands for the entry) and removal ({@link
 * #remove}); after a change it asks {@link #victim} for the entry to evict and removes it, until
 * {@code victim} answers null. The order links the caller's own nodes ({@link Linked}), so it
 * allocates nothing per entry. An order is not thread-safe: the caller serialises all calls (its
 * eviction lock). Decisions depend only on the calls made and, for ADAPTIVE, on the seed, so a
 * replay of the same calls evicts the same entries.
 *
 * @param <N> the caller's node type: its own entry node, or {@link OrderNode}
 */
public interface EvictionOrder<N extends Linked<N>> {

  /**
   * Starts tracking {@code node}, a new entry (a miss that was filled) of {@code weight}.
   *
   * @throws IllegalArgumentException when {@code weight} is negative
   */
  void add(N node, int weight);

  /** Records a read of a tracked entry; ignores a node no longer tracked. */
  void touch(N node);

  /**
   * Records an overwrite of a tracked entry, which counts as a use: it now weighs {@code weight}.
   * Ignores a node no longer tracked.
   *
   * @throws IllegalArgumentException when {@code weight} is negative
   */
  void update(N node, int weight);

  /**
   * Records an overwrite that put a new node in the place of a tracked one: {@code replacement}
   * takes over the place of {@code node} (its list, its neighbours, its history), which is no
   * longer tracked, and the overwrite counts as a use at {@code weight}. Adds {@code replacement}
   * as a new entry when {@code node} is not tracked.
   *
   * @throws IllegalArgumentException when {@code weight} is negative
   */
  void replace(N node, N replacement, int weight);

  /**
   * Whether the order may see only a sample of the reads when reads outrun their replay: true for
   * ADAPTIVE and LRU, whose recency is then a sample (as in any cache that buffers reads lossily),
   * provided every read that {@link #mustReplay} is replayed; false for LFU, whose order is its
   * counts and must see every read.
   */
  default boolean samplesRecency() {
    return false;
  }

  /**
   * Whether a read of {@code node} changes more than its recency, so must be replayed even when
   * reads are sampled: ADAPTIVE's promotion of an entry read again while on probation, which keeps a
   * hot set read in a burst safe from a later scan. Called without the caller's lock too, where the
   * answer may be stale: a read misjudged so is at worst replayed needlessly or sampled.
   */
  default boolean mustReplay(N node) {
    return false;
  }

  /**
   * The list whose nodes {@link #mustReplay} names, or null when it names none: a node is to be
   * replayed when its {@link Linked#orderList()} is this list. Readers keep it and compare with it,
   * so they need not read the order's own fields, which replays write.
   */
  default Object mustReplayList() {
    return null;
  }

  /**
   * Records {@code count} reads that were not replayed at all: ADAPTIVE's window climber counts them
   * as hits, so its hit rate stays the cache's.
   */
  default void skippedReads(long count) {}

  /** Stops tracking an entry; ignores a node no longer tracked. */
  void remove(N node);

  /**
   * The entry to evict next while the total weight is over the maximum, or null once it is within
   * it. The order keeps tracking the entry until the caller {@link #remove}s it.
   */
  N victim();

  /** The number of tracked entries. */
  long size();

  /** The total weight of the tracked entries. */
  long weightedSize();

  /** The most total weight kept. */
  long maximum();

  /** The policy this order follows. */
  EvictionPolicy policy();

  /**
   * An order by {@code policy} within {@code maximum}, with a fixed seed for ADAPTIVE's admission
   * tie-break.
   *
   * @throws IllegalArgumentException when {@code maximum} is below 1 or the policy is TTL_ONLY
   */
  static <N extends Linked<N>> EvictionOrder<N> of(EvictionPolicy policy, long maximum) {
    return of(policy, maximum, 0x5DEECE66DL);
  }

  /**
   * An order by {@code policy} within {@code maximum}; {@code seed} drives ADAPTIVE's random
   * admission of warm candidates, so two orders with the same seed and calls decide alike.
   *
   * @throws IllegalArgumentException when {@code maximum} is below 1 or the policy is TTL_ONLY
   */
  static <N extends Linked<N>> EvictionOrder<N> of(EvictionPolicy policy, long maximum, long seed) {
    if (policy == null) {
      throw new NullPointerException("policy must not be null");
    }
    if (maximum < 1) {
      throw new IllegalArgumentException("an eviction maximum must be at least 1, was " + maximum);
    }
    return switch (policy) {
      case LRU -> new LruOrder<>(maximum);
      case LFU -> new LfuOrder<>(maximum);
      case ADAPTIVE -> new AdaptiveOrder<>(maximum, seed);
      case TTL_ONLY -> throw new IllegalArgumentException(
          "a size or weight limit needs the ADAPTIVE, LRU or LFU eviction policy; TTL_ONLY never evicts");
    };
  }
}
