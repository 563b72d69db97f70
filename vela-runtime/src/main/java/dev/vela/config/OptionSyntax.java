package dev.vela.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The value syntax of a backend or topology option, with the one check of it: the processor applies
 * it to values written without placeholders, and the runtime to every value once placeholders are
 * resolved. A problem is said as "is ..." (or "holds ..."), to follow "which".
 */
public enum OptionSyntax {
  /** Any text. */
  TEXT("text") {
    @Override
    public Optional<String> problem(String value) {
      return Optional.empty();
    }
  },
  /** A name that is not blank. */
  NAME("text, not blank") {
    @Override
    public Optional<String> problem(String value) {
      return value.isBlank() ? Optional.of("is blank; give a name") : Optional.empty();
    }
  },
  /** What the DISK backend does with a corrupt store file. */
  ON_CORRUPTION("`fail` or `moveAside`") {
    @Override
    public Optional<String> problem(String value) {
      return ON_CORRUPTION_VALUES.contains(value)
          ? Optional.empty()
          : Optional.of("is not one of " + String.join(", ", ON_CORRUPTION_VALUES));
    }
  },
  /** {@code always} or an interval: {@link FsyncPolicy}. */
  FSYNC("`always` or a duration") {
    @Override
    public Optional<String> problem(String value) {
      return FsyncPolicy.problem(value);
    }
  },
  /** A Redis URL: {@link RedisUrls}. */
  REDIS_URL("a Redis URL") {
    @Override
    public Optional<String> problem(String value) {
      return RedisUrls.problem(value.trim());
    }
  },
  /** The seed nodes of a Redis Cluster: {@link RedisUrls}. */
  REDIS_NODES("`host:port,...`") {
    @Override
    public Optional<String> problem(String value) {
      return RedisUrls.clusterNodesProblem(value.trim());
    }
  },
  /** A positive, finite duration: {@link Durations}. */
  DURATION("a duration") {
    @Override
    public Optional<String> problem(String value) {
      try {
        return positiveFiniteProblem(Durations.parse(value));
      } catch (IllegalArgumentException e) {
        return Optional.of("is not a positive, finite duration; write one such as \"2s\" or \"500ms\"");
      }
    }
  },
  /** A finite duration no shorter than {@link #MIN_FAILURE_TIMEOUT}: how long a member may stay silent. */
  FAILURE_TIMEOUT("a duration, " + OptionSyntax.MIN_FAILURE_TIMEOUT_MILLIS + "ms or more") {
    @Override
    public Optional<String> problem(String value) {
      Optional<String> duration = DURATION.problem(value);
      if (duration.isPresent() || Durations.parse(value).compareTo(MIN_FAILURE_TIMEOUT) >= 0) {
        return duration;
      }
      return Optional.of("is shorter than " + Durations.format(MIN_FAILURE_TIMEOUT) + "; a member's heartbeats go out"
          + " four times within it, so a shorter one excludes members that are only busy; write one such as \"2s\"");
    }
  },
  /** A port, or 0 for the default. */
  PORT("a port") {
    @Override
    public Optional<String> problem(String value) {
      return wholeNumberIn(value, 0, MAX_PORT)
          ? Optional.empty()
          : Optional.of("is not a port number; write a whole number from 0 (the default) to " + MAX_PORT);
    }
  },
  /** {@code host[port],...}: {@link HostList}; blank for none. */
  HOST_LIST("`host[port],...`") {
    @Override
    public Optional<String> problem(String value) {
      return value.isBlank() ? Optional.empty() : HostList.problem(value);
    }
  },
  /** A member count of at least 1, or a host list; blank for none. */
  MEMBERS("a count, or `host[port],...`") {
    @Override
    public Optional<String> problem(String value) {
      String trimmed = value.trim();
      if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
        return wholeNumberIn(trimmed, 1, Integer.MAX_VALUE)
            ? Optional.empty()
            : Optional.of("is not a count of at least 1 members");
      }
      return trimmed.isEmpty() ? Optional.empty() : HostList.problem(trimmed);
    }
  },
  /** A secret long enough not to be guessed. */
  SECRET(OptionSyntax.MIN_SECRET_LENGTH + " or more characters") {
    @Override
    public Optional<String> problem(String value) {
      return value.length() >= MIN_SECRET_LENGTH
          ? Optional.empty()
          : Optional.of("is shorter than " + MIN_SECRET_LENGTH + " characters (" + value.length() + "); use a long"
              + " random secret (openssl rand -base64 32), best from the environment as ${VELA_CLUSTER_SECRET}");
    }
  },
  /** A count of 0 or more. */
  COUNT("a whole number, 0 or more") {
    @Override
    public Optional<String> problem(String value) {
      return wholeNumberIn(value, 0, Integer.MAX_VALUE)
          ? Optional.empty()
          : Optional.of("is not a count of copies; write a whole number such as 0 or 1");
    }
  };

  /** The shortest failure timeout accepted, in milliseconds. */
  public static final long MIN_FAILURE_TIMEOUT_MILLIS = 500;
  /** The shortest failure timeout accepted. */
  public static final Duration MIN_FAILURE_TIMEOUT = Duration.ofMillis(MIN_FAILURE_TIMEOUT_MILLIS);
  /** The shortest cluster secret accepted: a guess at it is checked offline, so it must not be guessable. */
  public static final int MIN_SECRET_LENGTH = 16;
  /** The values of {@code onCorruption}, the default first. */
  public static final List<String> ON_CORRUPTION_VALUES = List.of("fail", "moveAside");
  private static final int MAX_PORT = 65_535;

  private final String summary;

  OptionSyntax(String summary) {
    this.summary = summary;
  }

  /** What a value looks like, for the README. */
  public String summary() {
    return summary;
  }

  /** What is wrong with {@code value}, placeholders resolved; empty when it fits. */
  public abstract Optional<String> problem(String value);

  /** What is wrong with {@code duration} as a timeout: it must be positive and finite. */
  public static Optional<String> positiveFiniteProblem(Duration duration) {
    return Durations.isInfinite(duration) || duration.isZero() || duration.isNegative()
        ? Optional.of("is not a positive, finite duration; write one such as \"2s\" or \"500ms\"")
        : Optional.empty();
  }

  private static boolean wholeNumberIn(String value, long min, long max) {
    try {
      long number = Long.parseLong(value.trim());
      return number >= min && number <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
