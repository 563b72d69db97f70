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
 * <p>Invariants: every tracked node is in exactly one of the three lists, which its {@link
 * Linked#orderList()} names; the weights of the window and protected lists are kept in {@code windowWeight} and {@code
 * protectedWeight}, and probation's is the rest of {@code weightedSize}.
 */
final class AdaptiveOrder<N extends Linked<N>> extends CountingOrder<N> {
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

  private final NodeList<N> window = new NodeList<>();
  private final NodeList<N> probation = new NodeList<>();
  private final NodeList<N> protect = new NodeList<>();
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
  public void add(N node, int weight) {
    count(node, weight);
    window.addLast(node);
    windowWeight += weight;
    if (size > sketch.capacity() && sketch.capacity() < Math.min(maximum, MAX_SKETCH_ENTRIES)) {
      long entries = Math.min(Math.min(maximum, MAX_SKETCH_ENTRIES), 2L * sketch.capacity());
      sketch = new FrequencySketch(entries, sketch.hasDoorkeeper());
    }
    sketch.increment(node.keyHash());
    climber.recordMiss();
    adapt();
  }

  @Override
  public void touch(N node) {
    if (node.isTracked()) {
      sketch.increment(node.keyHash());
      climber.recordHit();
      reorder(node);
    }
  }

  @Override
  public boolean samplesRecency() {
    return true;
  }

  @Override
  public boolean mustReplay(N node) {
    return node.orderList() == probation;
  }

  @Override
  public Object mustReplayList() {
    return probation;
  }

  @Override
  public void skippedReads(long count) {
    climber.recordHits(count);
  }

  @Override
  public void update(N node, int weight) {
    if (!node.isTracked()) {
      return;
    }
    int delta = reweigh(node, weight);
    Object segment = node.orderList();
    if (segment == window) {
      windowWeight += delta;
    } else if (segment == protect) {
      protectedWeight += delta;
    }
    sketch.increment(node.keyHash());
    reorder(node);
  }

  /** A use of a tracked node: to its list's end, and from probation into protected. */
  private void reorder(N node) {
    Object segment = node.orderList();
    if (segment == window) {
      window.moveToLast(node);
    } else if (segment == protect) {
      protect.moveToLast(node);
    } else {
      probation.unlink(node);
      protect.addLast(node);
      protectedWeight += node.weight();
      demoteProtectedOverflow();
    }
  }

  @Override
  public void remove(N node) {
    Object segment = node.orderList();
    if (segment == null) {
      return;
    }
    listOf(node).unlink(node);
    uncount(node);
    if (segment == window) {
      windowWeight -= node.weight();
    } else if (segment == protect) {
      protectedWeight -= node.weight();
    }
  }

  @Override
  public N victim() {
    // while there is room, the window's overflow enters main without a contest
    while (windowWeight > windowMaximum && weightedSize <= maximum && !window.isEmpty()) {
      moveTo(window.first(), probation);
    }
    if (weightedSize <= maximum) {
      return null;
    }
    N candidate = windowWeight > windowMaximum ? window.first() : null;
    N victim = mainVictim();
    if (candidate == null) {
      return victim != null ? victim : window.first();
    }
    if (victim == null || candidate.weight() > maximum) {
      return candidate;
    }
    if (victim.weight() > maximum || admit(candidate, victim)) {
      moveTo(candidate, probation);
      return victim;
    }
    return candidate;
  }

  /** Main's next victim: probation's least recently used, else protected's; null when main is empty. */
  private N mainVictim() {
    N victim = probation.first();
    return victim != null ? victim : protect.first();
  }

  /** Whether the candidate from the window should replace main's victim. */
  private boolean admit(N candidate, N victim) {
    int candidateFrequency = sketch.frequency(candidate.keyHash());
    int victimFrequency = sketch.frequency(victim.keyHash());
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
      N next = probation.first();
      if (next == null || next.weight() > quota) {
        break;
      }
      quota -= next.weight();
      moveTo(next, window);
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
      N next = window.first();
      if (next == null || next.weight() > quota) {
        break;
      }
      quota -= next.weight();
      moveTo(next, probation);
    }
    protectedMaximum -= quota;
    windowMaximum += quota;
    return quota == amount ? 0 : quota;
  }

  /** Keeps protected within its share by demoting its least recently used entries to probation. */
  private void demoteProtectedOverflow() {
    while (protectedWeight > protectedMaximum && !protect.isEmpty()) {
      moveTo(protect.first(), probation);
    }
  }

  /** Moves a tracked node to the end of another list, keeping the weights in step. */
  private void moveTo(N node, NodeList<N> target) {
    Object segment = node.orderList();
    int weight = node.weight();
    if (segment == window) {
      windowWeight -= weight;
    } else if (segment == protect) {
      protectedWeight -= weight;
    }
    listOf(node).unlink(node);
    target.addLast(node);
    if (target == window) {
      windowWeight += weight;
    } else if (target == protect) {
      protectedWeight += weight;
    }
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
