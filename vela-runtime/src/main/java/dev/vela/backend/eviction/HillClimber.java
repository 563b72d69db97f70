package dev.vela.backend.eviction;

/**
 * Decides how the admission window of an {@link AdaptiveOrder} should change: after each sample
 * of requests it compares the sample's hit rate with the previous one's. When the rate rose, it
 * steps on in the same direction; when it fell, it turns back. Steps shrink geometrically while
 * the rate changes little, and jump back to their full size when it changes by more than a few
 * points (the workload shifted). The idea is the hill climbing of Einziger, Eytan, Friedman and
 * Manes, "Adaptive Software Cache Management" (Middleware 2018).
 */
final class HillClimber {
  /** A hit-rate change at least this large restarts the climb with a full step. */
  static final double RESTART_THRESHOLD = 0.05;
  /** A full step, as a share of the cache's maximum. */
  static final double STEP_SHARE = 0.0625;
  /**
   * How a step shrinks from one sample to the next while the hit rate changes little. Faster than
   * the 0.98 of the paper: with short samples (below) a slow decay kept the window swinging.
   */
  static final double STEP_DECAY = 0.9;
  /** Requests in a sample per unit of the maximum. */
  static final int SAMPLE_PER_MAXIMUM = 5;
  /**
   * The most requests in a sample. Without a cap, a cache of 100,000 entries judged its window once
   * per half a million requests and never reached a good size on traces of a million requests.
   */
  static final long MAX_SAMPLE = 65_536;

  private final long maximum;
  private final long sampleSize;
  private long hits;
  private long misses;
  private double previousHitRate;
  private double step;

  /** A climber for a cache of {@code maximum}. */
  HillClimber(long maximum) {
    this(maximum, samplePeriod(maximum));
  }

  /** A climber for a cache of {@code maximum} that judges every {@code sampleSize} requests. */
  HillClimber(long maximum, long sampleSize) {
    this.maximum = maximum;
    this.sampleSize = sampleSize;
    this.step = STEP_SHARE * maximum; // the window starts at 1%: the first step can only grow it
  }

  /** Requests in a sample: short enough to adapt within a workload's phase, long enough to be stable. */
  static long samplePeriod(long maximum) {
    return Math.min(MAX_SAMPLE, SAMPLE_PER_MAXIMUM * Math.max(16, maximum));
  }

  void recordHit() {
    hits++;
  }

  /** Counts {@code count} hits at once: reads the order learned of only by their number. */
  void recordHits(long count) {
    hits += count;
  }

  void recordMiss() {
    misses++;
  }

  /**
   * The change to make to the window's maximum now: positive to grow it, negative to shrink it,
   * 0 until a sample is complete.
   */
  long adjustment() {
    long requests = hits + misses;
    if (requests < sampleSize) {
      return 0;
    }
    double hitRate = (double) hits / requests;
    double change = hitRate - previousHitRate;
    double amount = change >= 0 ? step : -step;
    step = Math.abs(change) >= RESTART_THRESHOLD
        ? STEP_SHARE * maximum * Math.signum(amount == 0 ? 1 : amount)
        : STEP_DECAY * amount;
    previousHitRate = hitRate;
    hits = 0;
    misses = 0;
    return (long) amount;
  }

  /** The step the next sample will take (negative: shrink the window); for tests. */
  double step() {
    return step;
  }
}
