package dev.vela.config;

import java.util.Optional;

/**
 * The rule for a cache's name, once for the processor (the {@code name} attribute) and the builder:
 * 1 to {@value #MAX_LENGTH} characters, not blank.
 */
public final class CacheNameRule {
  /** The longest name accepted. */
  public static final int MAX_LENGTH = 200;

  private CacheNameRule() {}

  /** What is wrong with {@code name}, said as "must ..."; empty when it is a valid name. */
  public static Optional<String> problem(String name) {
    return name.isBlank() || name.length() > MAX_LENGTH
        ? Optional.of("must be 1 to " + MAX_LENGTH + " characters and not blank")
        : Optional.empty();
  }
}
