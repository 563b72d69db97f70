package dev.vela.telemetry.micrometer;

import dev.vela.telemetry.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The two timers of one operation, tagged {@code result}: hit and miss for reads, ok and error for
 * the others. Both are registered up front, so a dashboard shows zero rather than no series.
 */
final class OperationTimers {
  private final Outcome success;
  private final Timer successTimer;
  private final Timer failureTimer;

  private OperationTimers(Outcome success, Timer successTimer, Timer failureTimer) {
    this.success = success;
    this.successTimer = successTimer;
    this.failureTimer = failureTimer;
  }

  /** Registers timer {@code name} of cache {@code cacheName} with results {@code success} and {@code failure}. */
  static OperationTimers register(
      MeterRegistry registry, String name, String description, String cacheName, Outcome success, Outcome failure) {
    return new OperationTimers(
        success, timer(registry, name, description, cacheName, success), timer(registry, name, description, cacheName, failure));
  }

  private static Timer timer(MeterRegistry registry, String name, String description, String cacheName, Outcome result) {
    return Timer.builder(name)
        .description(description)
        .tag("cache", cacheName)
        .tag("result", result.tagValue())
        .register(registry);
  }

  /** The timer of operations that ended in {@code result}. */
  Timer forResult(Outcome result) {
    return result == success ? successTimer : failureTimer;
  }
}
