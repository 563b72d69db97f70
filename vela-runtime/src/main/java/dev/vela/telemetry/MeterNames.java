package dev.vela.telemetry;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules for {@code telemetryPrefix}, shared by the annotation processor (a compile error) and
 * the builder (an exception), so both accept exactly the same prefixes: each part starts with a
 * letter and holds only ASCII letters, digits and {@code _}, which every Micrometer naming
 * convention (dots, snake case, camel case, Prometheus) carries over unchanged.
 */
public final class MeterNames {
  private static final Pattern PART = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private MeterNames() {}

  /** True when {@code part} may be one part of a {@code telemetryPrefix}. */
  public static boolean isValidPrefixPart(String part) {
    return part != null && PART.matcher(part).matches();
  }

  /**
   * The meter name of {@code operation} under {@code prefix}, joined with dots:
   * {@code ["vela", "cache"]} and {@code "get"} give {@code vela.cache.get}.
   *
   * @throws IllegalArgumentException when a prefix part is not valid
   */
  public static String join(List<String> prefix, String operation) {
    Objects.requireNonNull(prefix, "prefix must not be null");
    Objects.requireNonNull(operation, "operation must not be null");
    StringBuilder name = new StringBuilder();
    for (String part : prefix) {
      if (!isValidPrefixPart(part)) {
        throw new IllegalArgumentException(
            "telemetryPrefix part \"" + part + "\" is not a valid meter name part;"
                + " start with a letter and use only letters, digits and _");
      }
      name.append(part).append('.');
    }
    return name.append(operation).toString();
  }
}
