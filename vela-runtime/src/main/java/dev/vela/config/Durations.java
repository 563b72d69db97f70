package dev.vela.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration strings of {@code @VelaCache}: {@code "250ms"}, {@code "30s"}, {@code "5m"},
 * {@code "2h"}, {@code "1d"}, ISO-8601 such as {@code "PT5M"}, and {@code "infinity"}. The
 * annotation processor and the runtime share it, so both accept exactly the same strings.
 */
public final class Durations {
  /**
   * Stands for {@code "infinity"}: no limit; the API's {@link dev.vela.Expiry#NEVER}. Compare with
   * {@link #isInfinite(Duration)}.
   */
  public static final Duration INFINITE = dev.vela.Expiry.NEVER;

  private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

  private Durations() {}

  /** True when {@code duration} is {@link #INFINITE}. */
  public static boolean isInfinite(Duration duration) {
    return INFINITE.equals(duration);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong, when {@code text} is not a duration
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "duration text");
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase("infinity")) {
      return INFINITE;
    }
    Matcher shortForm = SHORT_FORM.matcher(trimmed);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      try {
        return switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
      }
    }
    if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 duration such as PT5M");
      }
    }
    throw new IllegalArgumentException(
        "\"" + text + "\" is not a duration; write a whole number with ms, s, m, h or d (\"30s\", \"5m\"),"
            + " an ISO-8601 duration (\"PT5M\"), or \"infinity\"");
  }

  /** Writes {@code duration} the way {@link #parse(String)} reads it, in its largest exact unit. */
  public static String format(Duration duration) {
    if (isInfinite(duration)) {
      return "infinity";
    }
    if (duration.getNano() % 1_000_000 != 0 || duration.isNegative()) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis % 86_400_000L == 0 && millis != 0) return millis / 86_400_000L + "d";
    if (millis % 3_600_000L == 0 && millis != 0) return millis / 3_600_000L + "h";
    if (millis % 60_000L == 0 && millis != 0) return millis / 60_000L + "m";
    if (millis % 1_000L == 0 && millis != 0) return millis / 1_000L + "s";
    return millis + "ms";
  }
}
