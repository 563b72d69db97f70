package dev.vela.telemetry;

import java.util.Objects;

/** The argument checks the event records share. */
final class Events {
  private Events() {}

  static void check(String cacheName, Object subject, long durationNanos) {
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    Objects.requireNonNull(subject, "the event's key or tag must not be null");
    if (durationNanos < 0) {
      throw new IllegalArgumentException("durationNanos must not be negative, was " + durationNanos);
    }
  }

  static void checkResult(String operation, Outcome result, Outcome success, Outcome other) {
    Objects.requireNonNull(result, "result must not be null");
    if (result != success && result != other) {
      throw new IllegalArgumentException(
          operation + " events end in " + success + " or " + other + ", not " + result);
    }
  }
}
