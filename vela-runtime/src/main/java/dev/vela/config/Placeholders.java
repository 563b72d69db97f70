package dev.vela.config;

import dev.vela.VelaException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} in option values when a cache starts: first
 * the system property {@code NAME}, then the environment variable {@code NAME}, then the default.
 */
public final class Placeholders {
  private Placeholders() {}

  /** Resolves {@code value} against system properties and the environment. */
  public static String resolve(String optionName, String value) {
    return resolve(optionName, value, Placeholders::lookupPropertyOrEnv);
  }

  /**
   * Resolves {@code value} against {@code lookup}, which returns null for an unknown name.
   *
   * @throws VelaException naming the option and the placeholder when a name has no value and no
   *     default, or a placeholder is not closed
   */
  public static String resolve(String optionName, String value, UnaryOperator<String> lookup) {
    Objects.requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length());
    int from = 0;
    while (true) {
      int start = value.indexOf("${", from);
      if (start < 0) {
        out.append(value, from, value.length());
        return out.toString();
      }
      int end = value.indexOf('}', start + 2);
      if (end < 0) {
        throw new VelaException(
            "option '" + optionName + "' has an unclosed placeholder in \"" + value + "\"; write ${NAME} or ${NAME:default}");
      }
      out.append(value, from, start);
      String body = value.substring(start + 2, end);
      int colon = body.indexOf(':');
      String name = colon < 0 ? body : body.substring(0, colon);
      if (name.isBlank()) {
        throw new VelaException(
            "option '" + optionName + "' has a placeholder without a name in \"" + value + "\"");
      }
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

  /** True when {@code value} holds a placeholder, so it can only be checked once resolved. */
  public static boolean hasPlaceholder(String value) {
    return value.contains("${");
  }

  private static String lookupPropertyOrEnv(String name) {
    String property = System.getProperty(name);
    return property != null ? property : System.getenv(name);
  }
}
