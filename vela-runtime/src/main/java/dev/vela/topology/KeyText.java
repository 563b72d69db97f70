package dev.vela.topology;

/**
 * Keys as error messages show them: quoted, and cut short when long. The cache core and the
 * topologies name keys in their messages with it, so every message shows a key the same way.
 */
public final class KeyText {
  private static final int MAX_LENGTH = 100;

  private KeyText() {}

  /** {@code key} as messages show it. */
  public static String of(Object key) {
    String text = String.valueOf(key);
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH) + "...";
    }
    return "'" + text + "'";
  }
}
