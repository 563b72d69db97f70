package dev.vela.backend.memory;

import dev.vela.Weigher;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.eviction.EvictionOrder;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bounded part of a memory cache: the eviction lock, the buffer of reads not yet replayed and
 * the {@link EvictionOrder}. Writes take the lock for their whole change (map, tag index and
 * order), so the order always tracks exactly the nodes in the map; reads only offer to the buffer,
 * and so does an overwrite of the value alone ({@link ValueOverwrite}), which changes neither the
 * nodes in the map nor their tags or weights, and counts as a read.
 *
 * <p>ADAPTIVE and LRU sample their recency under load, as a cache that buffers reads lossily does:
 * a read that fills its stripe of the buffer hands the replay to the maintenance executor (the
 * cache's executor: the common pool unless its builder or a test gives another) and goes on; a read
 * that finds its stripe still full is skipped (only tallied, as a hit for ADAPTIVE's climber) and
 * never waits. A read that would promote an entry from probation is not skipped: it goes to a
 * buffer of promotions ({@link #PROMOTIONS_CAPACITY} a stripe) that every drain, the pool's or a
 * write's, replays first, before any eviction, so a hot set read in a burst reaches the protected
 * list whenever the pool thread gets scheduled, and a later scan cannot push it out. Only a read
 * that finds its stripe of promotions full too (more than a thousand promotions waiting, which
 * takes sustained load from several threads) is skipped: a reader never takes the lock. A drain
 * that finds reads skipped since the last one is behind them: it moves one buffered read in {@link
 * #MOVES_WHEN_BEHIND} (and every promotion) and counts the others only as hits, so it ends sooner.
 * With an executor that runs the replay at once (EvictionBench's {@code Runnable::run}), no
 * read is ever skipped. Readers stay off the sketch: two readers counting the same hot keys would
 * pass the sketch's lines between their cores on every read, which cost more than the moves saved.
 *
 * <p>LFU, whose order is its counts, sees every read: the read that fills a stripe replays it on its
 * own thread when the lock is free, else hands it to the executor, and a read that finds its stripe
 * still full waits for the lock and replays the stripe itself. A write replays everything buffered
 * before it changes the order.
 */
final class Eviction<K, V> {
  private final EvictionOrder<LinkedNode<K, V>> order;
  private final Weigher<? super K, ? super V> weigher; // null: every entry weighs 1
  private final ReadBuffer<LinkedNode<K, V>> reads = ReadBuffer.forMachine();
  /** How many reads that must not be sampled a stripe of promotions holds. */
  static final int PROMOTIONS_CAPACITY = 1024;
  // reads that must not be sampled (mustReplay) and met a full stripe, replayed by the next drain
  // before it makes any eviction decision. Larger than a stripe of reads: a hot node on probation is
  // queued by each of its reads until a drain promotes it (the drain skips those already promoted).
  // A read that finds them full too is skipped
  private final ReadBuffer<LinkedNode<K, V>> promotions = new ReadBuffer<>(1, PROMOTIONS_CAPACITY);
  private final ReentrantLock lock = new ReentrantLock();
  private final Consumer<LinkedNode<K, V>> replay = this::replayRead;
  /** While replays are behind the reads, one buffered read in this many is moved in the order. */
  static final int MOVES_WHEN_BEHIND = 8;
  private final boolean sampled;
  // the order's list whose reads are never sampled, kept here: a reader that compares a node's list
  // with it reads no field of the order, whose lines the replays write
  private final Object mustReplayList;
  private final Consumer<LinkedNode<K, V>> sampledReplay = this::replaySampled;
  private final Consumer<LinkedNode<K, V>> promote = this::replayPromotion;
  // under the lock: which buffered read a drain behind the reads moves ([TICKET]), and how many it
  // did not ([UNMOVED]). In an array of their own, in its middle: a drain writes them for every read
  // it replays, and as fields they would share a cache line with the fields every read reads, which
  // the reading cores would then fetch again after each replayed read
  private static final int DRAIN_COUNTS_LENGTH = 32;
  private static final int TICKET = 15;
  private static final int UNMOVED = 16;
  private final long[] drainCounts = new long[DRAIN_COUNTS_LENGTH];
  private final Executor maintenance;
  private final AtomicBoolean replayPending = new AtomicBoolean();
  private final Runnable replayTask = this::drainReads;
  // conditional writes running, changed only under the lock: while one runs, overwrites of a value
  // take the lock too (see ValueOverwrite)
  private volatile int conditionalWrites;

  /**
   * Evicts past {@code maximum} by {@code policy}: entries, or with a {@code weigher} their total
   * weight; reads are replayed on {@code maintenance}.
   */
  Eviction(long maximum, EvictionPolicy policy, Weigher<? super K, ? super V> weigher, Executor maintenance) {
    if (maximum < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1 for a bounded cache, was " + maximum);
    }
    this.order = EvictionOrder.of(policy, maximum);
    this.sampled = order.samplesRecency();
    this.mustReplayList = order.mustReplayList();
    this.weigher = weigher;
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance must not be null");
  }

  /**
   * Records a read of {@code node}. Never blocks for an order that samples its recency; for LFU,
   * blocks only when its stripe of the buffer is full and another thread holds the lock.
   */
  void recordRead(LinkedNode<K, V> node) {
    int offered = reads.offer(node);
    if (offered == ReadBuffer.ADDED) {
      return;
    }
    if (sampled) {
      if (offered == ReadBuffer.FULL && !queuedPromotion(node)) {
        reads.tallySkipped();
      }
      requestReplay();
    } else if (offered == ReadBuffer.FILLED) {
      if (lock.tryLock()) {
        try {
          drain();
        } finally {
          lock.unlock();
        }
      } else {
        requestReplay();
      }
    } else {
      lock.lock();
      try {
        drain();
        replayRead(node);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Queues a read of {@code node} that must not be sampled, when it is one; returns whether it did. */
  private boolean queuedPromotion(LinkedNode<K, V> node) {
    return mustReplayList != null && node.orderList() == mustReplayList && promotions.offer(node) != ReadBuffer.FULL;
  }

  /**
   * Replays the queued promotions, then the buffered reads, and tells the order of those skipped;
   * caller holds the lock. When readers skipped reads since the last drain, the replays are behind
   * the reads: this drain then moves only one buffered read in {@link #MOVES_WHEN_BEHIND} (and
   * every promotion) and counts the others only as hits, so it ends sooner and the buffer has room
   * again.
   */
  private void drain() {
    if (!sampled) {
      reads.drainTo(replay);
      return;
    }
    promotions.drainTo(promote);
    long skipped = reads.drainSkipped();
    reads.drainTo(skipped > 0 ? sampledReplay : replay);
    long unmoved = skipped + drainCounts[UNMOVED];
    if (unmoved > 0) {
      order.skippedReads(unmoved);
      drainCounts[UNMOVED] = 0;
    }
  }

  /**
   * Replays a queued promotion, unless an earlier one (the same node, read again before a drain)
   * promoted it already: that one is counted only as a hit.
   */
  private void replayPromotion(LinkedNode<K, V> node) {
    if (order.mustReplay(node)) {
      order.touch(node);
    } else {
      drainCounts[UNMOVED]++;
    }
  }

  private void replaySampled(LinkedNode<K, V> node) {
    if (++drainCounts[TICKET] % MOVES_WHEN_BEHIND == 0 || order.mustReplay(node)) {
      order.touch(node);
    } else {
      drainCounts[UNMOVED]++;
    }
  }

  private void replayRead(LinkedNode<K, V> node) {
    order.touch(node);
  }

  /** Asks the maintenance executor for a replay, unless one is pending already. */
  private void requestReplay() {
    // a look before the compare-and-set: while a replay is pending, readers of a full stripe would
    // otherwise all bounce the flag's cache line
    if (!replayPending.get() && replayPending.compareAndSet(false, true)) {
      try {
        maintenance.execute(replayTask);
      } catch (RejectedExecutionException e) {
        replayPending.set(false); // the next full stripe replays itself; writes replay meanwhile
      }
    }
  }

  /** Takes the eviction lock and replays pending reads, so the order is current for a write. */
  void lock() {
    lock.lock();
    drain();
  }

  void unlock() {
    lock.unlock();
  }

  /**
   * Takes the lock for a conditional write, which reads an entry and writes it back as one step:
   * until {@link #endConditionalWrite}, overwrites of a value take the lock too.
   */
  void beginConditionalWrite() {
    lock();
    conditionalWrites++; // a volatile write, but under the lock: no other writer of the field
  }

  /** Ends what {@link #beginConditionalWrite} began and releases the lock. */
  void endConditionalWrite() {
    try {
      conditionalWrites--;
    } finally {
      unlock();
    }
  }

  /** Whether a conditional write holds the lock; see {@link ValueOverwrite}. */
  boolean conditionalWriteRunning() {
    return conditionalWrites != 0;
  }

  /**
   * The weight of a new entry, asked before anything changes, so a failing weigher leaves the
   * cache as it was.
   *
   * @throws IllegalArgumentException when the weigher answers a negative weight
   */
  int weigh(K key, V value) {
    if (weigher == null) {
      return 1;
    }
    int weight = weigher.weigh(key, value);
    if (weight < 0) {
      throw new IllegalArgumentException("the weigher gave a negative weight (" + weight + ") for key " + key
          + "; weights must be zero or more");
    }
    return weight;
  }

  /**
   * Tracks {@code node} of {@code weight}, which replaced {@code old} (whatever the map held, or
   * null): in the place of a tracked old node, as a use of it, else as a new entry.
   */
  @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
  void written(Object old, LinkedNode<K, V> node, int weight) {
    if (old instanceof LinkedNode<?, ?> linked && linked.isTracked()) {
      synchronized (linked) { // untracked under its monitor: see ValueOverwrite
        order.replace((LinkedNode<K, V>) linked, node, weight);
      }
    } else {
      removed(old);
      order.add(node, weight);
    }
  }

  /** Records an overwrite in place of {@code node}, now of {@code weight}; caller holds the lock. */
  void touched(LinkedNode<K, V> node, int weight) {
    order.update(node, weight);
  }

  /**
   * Stops tracking whatever the map held for a removed entry; caller holds the lock, and calls it
   * in the same hold as the removal from the map, so an overwrite of the value without the lock
   * that finds the node still tracked comes before the removal ({@link ValueOverwrite}).
   */
  @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
  void removed(Object old) {
    if (old instanceof LinkedNode<?, ?> linked) {
      synchronized (linked) { // untracked under its monitor: see ValueOverwrite
        order.remove((LinkedNode<K, V>) linked);
      }
    }
  }

  /** The entry to evict next while over the limit, or null once within it; caller holds the lock. */
  LinkedNode<K, V> nextVictim() {
    return order.victim();
  }

  /** Replays buffered reads now: the maintenance task, and tests that check the order after reads. */
  void drainReads() {
    lock.lock();
    try {
      drain();
    } finally {
      // after the drain, not before: a full stripe met while it runs asks for no second replay
      // queued behind it, which on two busy cores would take a reader's processor; the next full
      // stripe after it asks again
      replayPending.set(false);
      lock.unlock();
    }
  }

  long maximum() {
    return order.maximum();
  }

  boolean isWeighted() {
    return weigher != null;
  }

  EvictionPolicy policy() {
    return order.policy();
  }

  long tracked() {
    return order.size();
  }

  long weightedSize() {
    return order.weightedSize();
  }
}
