package dev.vela.config;

import dev.vela.VelaException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} in option values when a cache starts: first
 * the system property {@code NAME}, then the environment variable {@code NAME}, then the default.
 */
public final class Placeholders {
  private static final String OPEN = "${";
  private static final char CLOSE = '}';
  private static final String FORMS = "write ${NAME} or ${NAME:default}";

  private Placeholders() {}

  /** Resolves {@code value} against system properties and the environment. */
  public static String resolve(String optionName, String value) {
    return resolve(optionName, value, Placeholders::lookupPropertyOrEnv);
  }

  /**
   * Resolves {@code value} against {@code lookup}, which returns null for an unknown name.
   *
   * @throws VelaException naming the option and the placeholder when a name has no value and no
   *     default, or naming the option when a placeholder is not closed or has no name
   */
  public static String resolve(String optionName, String value, UnaryOperator<String> lookup) {
    Objects.requireNonNull(value, "value");
    problem(value).ifPresent(problem -> {
      throw new VelaException("option '" + optionName + "' has value \"" + value + "\", which " + problem);
    });
    StringBuilder out = new StringBuilder(value.length());
    int from = 0;
    while (true) {
      int start = value.indexOf(OPEN, from);
      if (start < 0) {
        out.append(value, from, value.length());
        return out.toString();
      }
      int end = value.indexOf(CLOSE, start + OPEN.length());
      out.append(value, from, start);
      String body = value.substring(start + OPEN.length(), end);
      int colon = body.indexOf(':');
      String name = colon < 0 ? body : body.substring(0, colon);
      String resolved = lookup.apply(name);
      if (resolved == null) {
        if (colon < 0) {
          throw new VelaException(
              "option '" + optionName + "' needs ${" + name + "}, but neither the system property nor the"
                  + " environment variable " + name + " is set; set one, or give a default as ${" + name + ":value}");
        }
        resolved = body.substring(colon + 1);
      }
      out.append(resolved);
      from = end + 1;
    }
  }

  /**
   * What is wrong with the placeholders of {@code value}, said as "has ..." to follow "which";
   * empty when each is closed and named. The processor checks written values with it, and
   * {@link #resolve} refuses the same values.
   */
  public static Optional<String> problem(String value) {
    int from = 0;
    while (true) {
      int start = value.indexOf(OPEN, from);
      if (start < 0) {
        return Optional.empty();
      }
      int end = value.indexOf(CLOSE, start + OPEN.length());
      if (end < 0) {
        return Optional.of("has an unclosed placeholder; " + FORMS);
      }
      String body = value.substring(start + OPEN.length(), end);
      int colon = body.indexOf(':');
      if ((colon < 0 ? body : body.substring(0, colon)).isBlank()) {
        return Optional.of("has a placeholder without a name; " + FORMS);
      }
      from = end + 1;
    }
  }

  /** True when {@code value} holds a placeholder, so it can only be checked once resolved. */
  public static boolean hasPlaceholder(String value) {
    return value.contains(OPEN);
  }

  private static String lookupPropertyOrEnv(String name) {
    String property = System.getProperty(name);
    return property != null ? property : System.getenv(name);
  }
}
