package dev.vela.processor.model;

import dev.vela.config.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A duration attribute: the text as written, kept so that generated code can use the same unit,
 * and its value, parsed by {@code dev.vela.config.Durations}.
 *
 * @param written the attribute's text, such as {@code "5m"}, {@code "PT5M"} or {@code "infinity"}
 * @param value the parsed value; {@code Durations.INFINITE} for "infinity"
 */
public record DurationSetting(String written, Duration value) {
  /** Checks that both parts are given. */
  public DurationSetting {
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(value, "value");
  }

  /** Parses {@code written}. */
  public static DurationSetting parse(String written) {
    return new DurationSetting(written, Durations.parse(written));
  }

  /** True for "infinity". */
  public boolean isInfinite() {
    return Durations.isInfinite(value);
  }
}
