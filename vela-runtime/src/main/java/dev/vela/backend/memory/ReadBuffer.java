package dev.vela.backend.memory;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A striped buffer of reads waiting to be replayed into the eviction order. Readers never
 * allocate: a read claims a slot of its thread's stripe with a compare-and-set (retried when it
 * loses a race), and a read that finds its stripe full is refused: the caller decides whether to
 * replay the stripe itself (LFU, which must see every read) or to skip the read and tally it
 * ({@link #tallySkipped}). The order sees the buffered reads of a thread in the sequence it made
 * them. The drain runs under the eviction lock.
 *
 * <p>Each stripe is a ring with a claim counter ({@code tails}) and a drained counter ({@code
 * heads}); the counters sit a cache line apart, and a line of unused slots lies before the first
 * ring and after each, so that stripes do not share lines, and no counter or slot that a thread
 * writes shares a line with the arrays' headers, which every access reads for its bounds check.
 *
 * <p>A stripe of reads holds 64 ({@link #STRIPE_CAPACITY}; the eviction's buffer of promotions
 * holds more): with 16 reads a stripe, when a full stripe always woke a pool thread, one reading
 * thread spent much of its time waking the pool, and 64 read faster on one thread and on two (see
 * {@code docs/benchmarks/rounds.md}).
 */
final class ReadBuffer<E> {
  /** The elements a stripe of a buffer of reads holds. */
  static final int STRIPE_CAPACITY = 64;
  private static final int PAD = 16;
  // a stripe's tally of skipped reads, in its counter's padding: the total in tails, the total
  // last drained in heads
  private static final int SKIPPED = 1;
  // a line of slots before the first ring and after each (16 slots are 64 bytes or more, whatever
  // the size of a reference)
  private static final int FIRST_SLOT = 16;

  private final int capacity;
  private final int slotMask;
  // slots from one ring's start to the next
  private final int ringStride;
  private final int stripeMask;
  private final AtomicLongArray tails;
  private final AtomicLongArray heads;
  private final AtomicReferenceArray<E> slots;

  /** A buffer with {@code stripes} stripes, rounded up to a power of two, of {@link #STRIPE_CAPACITY}. */
  ReadBuffer(int stripes) {
    this(stripes, STRIPE_CAPACITY);
  }

  /**
   * A buffer with {@code stripes} stripes, rounded up to a power of two, of {@code capacity}
   * elements each, a power of two.
   */
  ReadBuffer(int stripes, int capacity) {
    if (capacity < 1 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("a stripe's capacity must be a power of two, was " + capacity);
    }
    this.capacity = capacity;
    this.slotMask = capacity - 1;
    this.ringStride = capacity + FIRST_SLOT;
    int count = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
    stripeMask = count - 1;
    // a line of padding before the first stripe too: the arrays' headers, which every access reads
    // for its bounds check, are not to share a line with a counter or slot another thread writes
    tails = new AtomicLongArray((count + 1) * PAD);
    heads = new AtomicLongArray((count + 1) * PAD);
    slots = new AtomicReferenceArray<>(FIRST_SLOT + count * ringStride);
  }

  /** The elements one stripe holds. */
  int capacity() {
    return capacity;
  }

  /** A buffer sized for the machine: twice the processors, at most 64 stripes. */
  static <E> ReadBuffer<E> forMachine() {
    return new ReadBuffer<>(Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /** {@link #offer}: the element is buffered and its stripe has room for more. */
  static final int ADDED = 0;
  /** {@link #offer}: the element is buffered and filled its stripe; a drain should be asked for. */
  static final int FILLED = 1;
  /** {@link #offer}: the stripe is full, the element was not buffered; the caller must replay it. */
  static final int FULL = 2;

  /** Buffers {@code element}, unless its stripe is full; returns {@link #ADDED}, {@link #FILLED} or {@link #FULL}. */
  int offer(E element) {
    int stripe = stripeOfCurrentThread();
    int counter = counterOf(stripe);
    while (true) {
      long tail = tails.get(counter);
      long used = tail - heads.get(counter);
      if (used >= capacity) {
        return FULL;
      }
      if (tails.compareAndSet(counter, tail, tail + 1)) {
        slots.lazySet(slotOf(stripe, tail), element);
        return used + 1 >= capacity ? FILLED : ADDED;
      }
    }
  }

  /** Hands every published element to {@code consumer}; the caller holds the eviction lock. */
  void drainTo(Consumer<? super E> consumer) {
    for (int stripe = 0; stripe <= stripeMask; stripe++) {
      int counter = counterOf(stripe);
      long head = heads.get(counter);
      long tail = tails.get(counter);
      while (head < tail) {
        int slot = slotOf(stripe, head);
        E element = slots.get(slot);
        if (element == null) {
          break; // claimed but not yet written: the next drain takes it
        }
        slots.lazySet(slot, null);
        consumer.accept(element);
        head++;
      }
      heads.set(counter, head);
    }
  }

  /**
   * Tallies a read its caller could not buffer and will not replay, in the caller's stripe, beside
   * the claim counter the caller already writes. Threads that share a stripe may lose each other's
   * tallies: the count only paces the order's window climber.
   */
  void tallySkipped() {
    int counter = counterOf(stripeOfCurrentThread()) + SKIPPED;
    tails.lazySet(counter, tails.get(counter) + 1);
  }

  /** The reads tallied by {@link #tallySkipped} since the last call; the caller holds the eviction lock. */
  long drainSkipped() {
    long skipped = 0;
    for (int stripe = 0; stripe <= stripeMask; stripe++) {
      int counter = counterOf(stripe) + SKIPPED;
      long now = tails.get(counter);
      skipped += now - heads.get(counter);
      heads.set(counter, now);
    }
    return skipped;
  }

  /** Where the element numbered {@code sequence} of {@code stripe} sits in {@code slots}. */
  private int slotOf(int stripe, long sequence) {
    return FIRST_SLOT + stripe * ringStride + (int) (sequence & slotMask);
  }

  /** Where a stripe's counters sit in {@code tails} and {@code heads}: a line after the previous stripe's. */
  private static int counterOf(int stripe) {
    return (stripe + 1) * PAD;
  }

  private int stripeOfCurrentThread() {
    long id = Thread.currentThread().getId();
    return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
  }
}
