package dev.vela.jcache;

/** The spec's {@code unwrap} for the objects of this provider: the first of their candidates of the asked type. */
final class Unwrapping {
  private Unwrapping() {}

  /** {@code self} as {@code type}, or an {@link IllegalArgumentException} that names {@code what} was asked. */
  static <T> T unwrap(Object self, Class<T> type, String what) {
    return unwrap(type, what, "", self);
  }

  /**
   * The first of {@code candidates} that is a {@code type}, or an {@link IllegalArgumentException}
   * that names {@code what} was asked, followed by {@code detail}.
   */
  static <T> T unwrap(Class<T> type, String what, String detail, Object... candidates) {
    for (Object candidate : candidates) {
      if (type.isInstance(candidate)) {
        return type.cast(candidate);
      }
    }
    throw new IllegalArgumentException(what + " cannot be unwrapped to " + type.getName() + detail);
  }
}
