package dev.vela.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The DISK backend's {@code fsync} option, parsed and checked in this one place for the processor,
 * the builder and the backend: {@code always} (a write is acknowledged once it is forced to disk)
 * or a positive, finite duration (a write is acknowledged once the operating system has it, and
 * forced to disk at least that often).
 *
 * @param interval how often written data is forced; {@link Duration#ZERO} for {@code always}
 */
public record FsyncPolicy(Duration interval) {
  /** The option's value that forces each write before it is acknowledged. */
  public static final String ALWAYS = "always";
  /** The option's value when it is not set. */
  public static final String DEFAULT = "1s";

  /** Checks the interval. */
  public FsyncPolicy {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || Durations.isInfinite(interval)) {
      throw new IllegalArgumentException("an fsync interval must be finite and not negative, was " + interval);
    }
  }

  /** True when each write is forced to disk before it is acknowledged. */
  public boolean isAlways() {
    return interval.isZero();
  }

  /**
   * Parses the option's value.
   *
   * @throws IllegalArgumentException saying what is wrong and what to write instead
   */
  public static FsyncPolicy parse(String text) {
    Objects.requireNonNull(text, "fsync text");
    String trimmed = text.trim();
    if (trimmed.equals(ALWAYS)) {
      return new FsyncPolicy(Duration.ZERO);
    }
    Duration interval;
    try {
      interval = Durations.parse(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(mustBe(), e);
    }
    if (Durations.isInfinite(interval) || interval.toMillis() < 1) {
      throw new IllegalArgumentException(mustBe());
    }
    return new FsyncPolicy(interval);
  }

  /** What is wrong with {@code text} as the option's value, said as "is ..."; empty when nothing. */
  public static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String mustBe() {
    return "is neither " + ALWAYS + " nor a finite duration of at least 1ms; write " + ALWAYS
        + " to force each write to disk before it returns, or an interval such as \"" + DEFAULT + "\" or \"100ms\"";
  }

  /** How the policy reads in {@code inspect()}. */
  public String describe() {
    return isAlways() ? ALWAYS : "every " + interval.toMillis() + "ms";
  }
}
