package dev.vela.jcache;

/** The spec's {@code unwrap} for the objects of this provider that unwrap only to their own types. */
final class Unwrapping {
  private Unwrapping() {}

  /** {@code self} as {@code type}, or an {@link IllegalArgumentException} that names {@code what} was asked. */
  static <T> T unwrap(Object self, Class<T> type, String what) {
    if (type.isInstance(self)) {
      return type.cast(self);
    }
    throw new IllegalArgumentException(what + " cannot be unwrapped to " + type.getName());
  }
}
