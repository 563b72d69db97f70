package dev.vela.backend.eviction;

import dev.vela.annotation.EvictionPolicy;
import java.util.SplittableRandom;

/**
 * ADAPTIVE: a window-guarded, frequency-admitted order (the W-TinyLFU design of Einziger, Friedman
 * and Manes, "TinyLFU: A Highly Efficient Cache Admission Policy", 2017, with an adapting window).
 *
 * <p>New entries enter a small LRU <em>window</em>. When the window is over its share, its least
 * recently used entry (the candidate) may enter the <em>main</em> area, a segmented LRU of a
 * <em>probation</em> list and a <em>protected</em> list (entries read again in main; 80% of main).
 * When the cache is full the candidate must beat main's next victim on the {@link FrequencySketch}:
 * the more frequently seen of the two stays. A warm candidate that loses is still let in once in
 * 1024 times, drawn from a seeded generator, so an attacker cannot pin a victim by colliding hashes.
 *
 * <p>The window starts at 1% of the cache; the {@link HillClimber} grows or shrinks it after each
 * sample of requests, moving entries between window and main, so recency-skewed workloads get a
 * large window (LRU-like) and frequency-skewed ones a small one.
 *
 * <p>Invariants: every tracked node is in exactly one list, named by its {@code segment}; the
 * weights of the window and protected lists are kept in {@code windowWeight} and {@code
 * protectedWeight}, and probation's is the rest of {@code weightedSize}.
 */
final class AdaptiveOrder<E> extends CountingOrder<E> {
  /** The window's initial share of the cache. */
  static final double INITIAL_WINDOW_SHARE = 0.01;
  /** The protected list's share of the main area. */
  static final double PROTECTED_SHARE = 0.80;
  /** A candidate seen at least this often may win against a more frequent victim, at random. */
  static final int WARM_CANDIDATE_FREQUENCY = 6;
  /**
   * A warm candidate that lost is let in when a random int has these bits clear: once in 1024.
   * Once in 128 cost up to a point and a half of hit ratio on small caches of the OLTP trace, by the
   * seed's luck; once in 1024 still frees a victim an attacker keeps hot within some thousand tries.
   */
  static final int WARM_ADMISSION_MASK = 1023;
  /**
   * The entries a sketch is first sized for. A weight limit (say 100 MB) says nothing about the
   * number of entries, so the sketch starts at most this large and doubles when the cache holds
   * more entries than it was sized for (forgetting its counts, which a few samples rebuild).
   */
  static final long INITIAL_SKETCH_ENTRIES = 1 << 16;
  /** The most entries a sketch is sized for: 2^24 entries take 128 MB of counters. */
  static final long MAX_SKETCH_ENTRIES = 1 << 24;
  /** Entries moved between window and main per adjustment step, so no single call runs long. */
  static final int MAX_TRANSFERS_PER_CALL = 1000;

  private final OrderNode<E> window = OrderNode.sentinel();
  private final OrderNode<E> probation = OrderNode.sentinel();
  private final OrderNode<E> protect = OrderNode.sentinel();
  private FrequencySketch sketch;
  private final HillClimber climber;
  private final SplittableRandom random;
  private long windowMaximum;
  private long protectedMaximum;
  private long windowWeight;
  private long protectedWeight;
  private long pendingAdjustment;

  AdaptiveOrder(long maximum, long seed) {
    this(maximum, seed, new FrequencySketch(Math.min(maximum, INITIAL_SKETCH_ENTRIES), false));
  }

  AdaptiveOrder(long maximum, long seed, FrequencySketch sketch) {
    super(EvictionPolicy.ADAPTIVE, maximum);
    this.sketch = sketch;
    this.climber = new HillClimber(maximum);
    this.random = new SplittableRandom(seed);
    this.windowMaximum = Math.max(1, maximum - (long) ((1 - INITIAL_WINDOW_SHARE) * maximum));
    this.protectedMaximum = (long) (PROTECTED_SHARE * (maximum - windowMaximum));
  }

  @Override
  public OrderNode<E> add(E element, int keyHash, int weight) {
    OrderNode<E> node = new OrderNode<>(element, keyHash, Weights.checked(weight));
    node.segment = Segment.WINDOW;
    node.linkBefore(window);
    windowWeight += weight;
    weightedSize += weight;
    size++;
    if (size > sketch.capacity() && sketch.capacity() < Math.min(maximum, MAX_SKETCH_ENTRIES)) {
      long entries = Math.min(Math.min(maximum, MAX_SKETCH_ENTRIES), 2L * sketch.capacity());
      sketch = new FrequencySketch(entries, sketch.hasDoorkeeper());
    }
    sketch.increment(keyHash);
    climber.recordMiss();
    adapt();
    return node;
  }

  @Override
  public void touch(OrderNode<E> node) {
    if (node.isTracked()) {
      sketch.increment(node.hash);
      climber.recordHit();
      reorder(node);
    }
  }

  @Override
  public void update(OrderNode<E> node, E element, int weight) {
    if (!node.isTracked()) {
      return;
    }
    int delta = reweigh(node, element, weight);
    if (node.segment == Segment.WINDOW) {
      windowWeight += delta;
    } else if (node.segment == Segment.PROTECTED) {
      protectedWeight += delta;
    }
    sketch.increment(node.hash);
    reorder(node);
  }

  /** A use of a tracked node: to its list's end, and from probation into protected. */
  private void reorder(OrderNode<E> node) {
    switch (node.segment) {
      case Segment.WINDOW -> node.moveToEnd(window);
      case Segment.PROTECTED -> node.moveToEnd(protect);
      default -> {
        node.unlink();
        node.segment = Segment.PROTECTED;
        node.linkBefore(protect);
        protectedWeight += node.weight;
        demoteProtectedOverflow();
      }
    }
  }

  @Override
  public void remove(OrderNode<E> node) {
    if (!node.isTracked()) {
      return;
    }
    node.unlink();
    size--;
    weightedSize -= node.weight;
    if (node.segment == Segment.WINDOW) {
      windowWeight -= node.weight;
    } else if (node.segment == Segment.PROTECTED) {
      protectedWeight -= node.weight;
    }
  }

  @Override
  public OrderNode<E> victim() {
    // while there is room, the window's overflow enters main without a contest
    while (windowWeight > windowMaximum && weightedSize <= maximum && window.next != window) {
      moveTo(window.next, Segment.PROBATION);
    }
    if (weightedSize <= maximum) {
      return null;
    }
    OrderNode<E> candidate = windowWeight > windowMaximum && window.next != window ? window.next : null;
    OrderNode<E> victim = mainVictim();
    if (candidate == null) {
      return victim != null ? victim : first(window);
    }
    if (victim == null || candidate.weight > maximum) {
      return candidate;
    }
    if (victim.weight > maximum || admit(candidate, victim)) {
      moveTo(candidate, Segment.PROBATION);
      return victim;
    }
    return candidate;
  }

  /** Main's next victim: probation's least recently used, else protected's; null when main is empty. */
  private OrderNode<E> mainVictim() {
    OrderNode<E> victim = first(probation);
    return victim != null ? victim : first(protect);
  }

  /** Whether the candidate from the window should replace main's victim. */
  private boolean admit(OrderNode<E> candidate, OrderNode<E> victim) {
    int candidateFrequency = sketch.frequency(candidate.hash);
    int victimFrequency = sketch.frequency(victim.hash);
    if (candidateFrequency > victimFrequency) {
      return true;
    }
    return candidateFrequency >= WARM_CANDIDATE_FREQUENCY && (random.nextInt() & WARM_ADMISSION_MASK) == 0;
  }

  /** Applies the climber's verdict once a sample is complete, and any adjustment still pending. */
  private void adapt() {
    long adjustment = climber.adjustment();
    if (adjustment != 0) {
      pendingAdjustment = adjustment;
    }
    if (pendingAdjustment > 0) {
      pendingAdjustment = growWindow(pendingAdjustment);
    } else if (pendingAdjustment < 0) {
      pendingAdjustment = -shrinkWindow(-pendingAdjustment);
    }
  }

  /**
   * Moves up to {@code amount} of weight from main's probation into the window; returns what is
   * left to move. Protected entries stay: pulled into the window, a hot set read in a burst had to
   * win its place again against every entry of a later scan, and some lost to collisions in the
   * sketch.
   */
  private long growWindow(long amount) {
    long quota = Math.min(amount, protectedMaximum);
    protectedMaximum -= quota;
    windowMaximum += quota;
    demoteProtectedOverflow();
    for (int moved = 0; moved < MAX_TRANSFERS_PER_CALL; moved++) {
      OrderNode<E> next = first(probation);
      if (next == null || next.weight > quota) {
        break;
      }
      quota -= next.weight;
      moveTo(next, Segment.WINDOW);
    }
    protectedMaximum += quota;
    windowMaximum -= quota;
    return quota == amount ? 0 : quota; // nothing could move: give up this step
  }

  /** Moves up to {@code amount} of weight from the window into main; returns what is left to move. */
  private long shrinkWindow(long amount) {
    long quota = Math.min(amount, Math.max(0, windowMaximum - 1));
    protectedMaximum += quota;
    windowMaximum -= quota;
    for (int moved = 0; moved < MAX_TRANSFERS_PER_CALL; moved++) {
      OrderNode<E> next = first(window);
      if (next == null || next.weight > quota) {
        break;
      }
      quota -= next.weight;
      moveTo(next, Segment.PROBATION);
    }
    protectedMaximum -= quota;
    windowMaximum += quota;
    return quota == amount ? 0 : quota;
  }

  /** Keeps protected within its share by demoting its least recently used entries to probation. */
  private void demoteProtectedOverflow() {
    while (protectedWeight > protectedMaximum && protect.next != protect) {
      moveTo(protect.next, Segment.PROBATION);
    }
  }

  /** Moves a tracked node to the end of another segment's list, keeping the weights in step. */
  private void moveTo(OrderNode<E> node, byte segment) {
    if (node.segment == Segment.WINDOW) {
      windowWeight -= node.weight;
    } else if (node.segment == Segment.PROTECTED) {
      protectedWeight -= node.weight;
    }
    node.unlink();
    node.segment = segment;
    if (segment == Segment.WINDOW) {
      windowWeight += node.weight;
      node.linkBefore(window);
    } else if (segment == Segment.PROTECTED) {
      protectedWeight += node.weight;
      node.linkBefore(protect);
    } else {
      node.linkBefore(probation);
    }
  }

  private static <E> OrderNode<E> first(OrderNode<E> sentinel) {
    return sentinel.next == sentinel ? null : sentinel.next;
  }

  /** The window's current maximum weight; for tests of the adaptation. */
  long windowMaximum() {
    return windowMaximum;
  }

  /** The current weight of the window's entries; for tests. */
  long windowWeight() {
    return windowWeight;
  }
}
