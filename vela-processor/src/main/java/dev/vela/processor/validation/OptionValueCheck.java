package dev.vela.processor.validation;

import dev.vela.cluster.ClusterSettings;
import dev.vela.config.Durations;
import dev.vela.config.FsyncPolicy;
import dev.vela.config.RedisUrls;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks the value of one option. Values with {@code ${...}} placeholders are known only when the
 * cache starts, so only their placeholder syntax is checked here.
 */
final class OptionValueCheck {
  private OptionValueCheck() {}

  /** What is wrong with {@code value} of option {@code name}, said as "which ..."; empty when nothing. */
  static Optional<String> problem(String name, String value) {
    if (value.isBlank()) {
      return Optional.of("is blank; give a value, or leave the option out");
    }
    if (value.contains("${")) {
      return placeholderProblem(value);
    }
    return switch (name) {
      case "url" -> RedisUrls.problem(value);
      case "clusterNodes" -> RedisUrls.clusterNodesProblem(value);
      case "port" -> wholeNumberIn(value, 0, 65_535)
          ? Optional.empty()
          : Optional.of("is not a port number; write a whole number from 0 to 65535");
      case "backups" -> wholeNumberIn(value, 0, Integer.MAX_VALUE)
          ? Optional.empty()
          : Optional.of("is not a count of copies; write a whole number such as 0 or 1");
      case "failureTimeout" -> isPositiveFiniteDuration(value)
              && Durations.parse(value).compareTo(ClusterSettings.MIN_FAILURE_TIMEOUT) >= 0
          ? Optional.empty()
          : Optional.of("is not a finite duration of at least "
              + Durations.format(ClusterSettings.MIN_FAILURE_TIMEOUT) + "; write one such as \"2s\" or \"10s\"");
      case "joinTimeout", "rpcTimeout", "timeout" -> isPositiveFiniteDuration(value)
          ? Optional.empty()
          : Optional.of("is not a positive, finite duration; write one such as \"2s\" or \"500ms\"");
      case "fsync" -> FsyncPolicy.problem(value);
      case "clusterSecret" -> value.length() >= ClusterSettings.MIN_SECRET_LENGTH
          ? Optional.empty()
          : Optional.of("is shorter than " + ClusterSettings.MIN_SECRET_LENGTH + " characters; use a long random"
              + " secret, best from the environment as ${VELA_CLUSTER_SECRET}");
      default -> Optional.empty();
    };
  }

  private static Optional<String> placeholderProblem(String value) {
    int from = 0;
    while (true) {
      int start = value.indexOf("${", from);
      if (start < 0) {
        return Optional.empty();
      }
      int end = value.indexOf('}', start + 2);
      if (end < 0) {
        return Optional.of("has an unclosed placeholder; write ${NAME} or ${NAME:default}");
      }
      String body = value.substring(start + 2, end);
      int colon = body.indexOf(':');
      if ((colon < 0 ? body : body.substring(0, colon)).isBlank()) {
        return Optional.of("has a placeholder without a name; write ${NAME} or ${NAME:default}");
      }
      from = end + 1;
    }
  }

  private static boolean wholeNumberIn(String value, long min, long max) {
    try {
      long number = Long.parseLong(value.trim());
      return number >= min && number <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isPositiveFiniteDuration(String value) {
    try {
      Duration duration = Durations.parse(value);
      return !Durations.isInfinite(duration) && !duration.isZero() && !duration.isNegative();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
