package dev.vela.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.vela.Expiry;
import dev.vela.processor.model.DurationSetting;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a duration as the simplest exact Java expression: in the unit it was written in ("60s"
 * gives {@code Duration.ofSeconds(60)}), else in its largest exact unit, else as ISO-8601; and
 * {@code Expiry.NEVER} for "infinity", a constant of the exported API.
 */
final class DurationLiteral {
  private static final Pattern WRITTEN_UNIT = Pattern.compile("\\d+(ms|s|m|h|d)");
  private static final long SECONDS_PER_MINUTE = 60;
  private static final long SECONDS_PER_HOUR = 3_600;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private DurationLiteral() {}

  static CodeBlock of(DurationSetting setting) {
    if (setting.isInfinite()) {
      return CodeBlock.of("$T.NEVER", Expiry.class);
    }
    Duration duration = setting.value();
    Matcher written = WRITTEN_UNIT.matcher(setting.written().trim().toLowerCase(Locale.ROOT));
    if (written.matches()) {
      return switch (written.group(1)) {
        case "ms" -> factory("ofMillis", duration.toMillis());
        case "s" -> factory("ofSeconds", duration.getSeconds());
        case "m" -> factory("ofMinutes", duration.toMinutes());
        case "h" -> factory("ofHours", duration.toHours());
        default -> factory("ofDays", duration.toDays());
      };
    }
    return inLargestUnit(duration);
  }

  private static CodeBlock inLargestUnit(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() == 0) {
      if (seconds % SECONDS_PER_DAY == 0) {
        return factory("ofDays", seconds / SECONDS_PER_DAY);
      }
      if (seconds % SECONDS_PER_HOUR == 0) {
        return factory("ofHours", seconds / SECONDS_PER_HOUR);
      }
      if (seconds % SECONDS_PER_MINUTE == 0) {
        return factory("ofMinutes", seconds / SECONDS_PER_MINUTE);
      }
      return factory("ofSeconds", seconds);
    }
    if (duration.getNano() % NANOS_PER_MILLI == 0 && seconds < Long.MAX_VALUE / 1_000) {
      return factory("ofMillis", duration.toMillis());
    }
    return CodeBlock.of("$T.parse($S)", Duration.class, duration.toString());
  }

  private static CodeBlock factory(String method, long amount) {
    // a literal beyond the int range needs its L suffix to compile
    String literal = amount == (int) amount ? Long.toString(amount) : amount + "L";
    return CodeBlock.of("$T.$L($L)", Duration.class, method, literal);
  }
}
