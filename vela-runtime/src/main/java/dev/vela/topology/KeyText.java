package dev.vela.core;

/** Keys as error messages show them: quoted, and cut short when long. */
final class KeyText {
  private static final int MAX_LENGTH = 100;

  private KeyText() {}

  static String of(Object key) {
    String text = String.valueOf(key);
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH) + "...";
    }
    return "'" + text + "'";
  }
}
