package dev.vela.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule for each duration setting of a cache, once for the processor (the attribute of
 * {@code @VelaCache}) and the builder (its setter): positive, and finite where "infinity" would
 * make no sense.
 */
public enum DurationLimits {
  DEFAULT_TTL("defaultTtl", null, null),
  STAMPEDE_TIMEOUT("stampedeTimeout", "because a caller would wait forever for another caller's fetch", "5s"),
  SWEEP_INTERVAL("sweepInterval", null, null),
  NEAR_CACHE_L1_TTL("nearCacheL1Ttl",
      "because the near cache's entries must expire to bound how stale a lost invalidation leaves them", "60s");

  /** How a duration breaks the rule. */
  public enum Problem {
    /** Zero or negative. */
    NOT_POSITIVE,
    /** "infinity" where a limit is needed. */
    INFINITE
  }

  private final String setting;
  private final String whyFinite;
  private final String finiteExample;

  /** {@code whyFinite} is null when "infinity" is allowed. */
  DurationLimits(String setting, String whyFinite, String finiteExample) {
    this.setting = setting;
    this.whyFinite = whyFinite;
    this.finiteExample = finiteExample;
  }

  /** The attribute's and the builder setter's name. */
  public String setting() {
    return setting;
  }

  /** Why the setting cannot be "infinity", said as "because ..."; null when it can. */
  public String whyFinite() {
    return whyFinite;
  }

  /** A finite value to suggest instead of "infinity"; null when "infinity" is allowed. */
  public String finiteExample() {
    return finiteExample;
  }

  /** How {@code value} breaks the rule, if it does. */
  public Optional<Problem> problem(Duration value) {
    Objects.requireNonNull(value, setting);
    if (Durations.isInfinite(value)) {
      return whyFinite == null ? Optional.empty() : Optional.of(Problem.INFINITE);
    }
    return value.isZero() || value.isNegative() ? Optional.of(Problem.NOT_POSITIVE) : Optional.empty();
  }

  /**
   * Returns {@code value} when it keeps the rule.
   *
   * @throws IllegalArgumentException saying what is wrong and what to write instead
   */
  public Duration check(Duration value) {
    problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(problem == Problem.INFINITE
          ? setting + " cannot be infinite, " + whyFinite + "; use a finite duration such as " + finiteExample
          : setting + " must be positive, was " + value);
    });
    return value;
  }
}
