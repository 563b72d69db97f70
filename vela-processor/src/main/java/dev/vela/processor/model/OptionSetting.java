package dev.vela.processor.model;

import java.util.Objects;

/**
 * One {@code @Option} of a cache, as written (placeholders are resolved only when the cache starts).
 *
 * @param name the option's name, known to the backend or topology
 * @param value the option's value, possibly with {@code ${NAME:default}} placeholders
 */
public record OptionSetting(String name, String value) {
  /** Checks that both parts are given. */
  public OptionSetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
