package dev.vela.jcache;

/**
 * How a store-by-value cache copies keys and values as they go in and come out, so a caller that
 * changes an object after {@code put} or after {@code get} never changes what the cache holds.
 * Implementations must be thread-safe.
 */
public interface Copier {

  /**
   * Returns an independent copy of {@code object} (never null), or {@code object} itself when it
   * cannot change (a String, a boxed number, an enum constant).
   */
  <T> T copy(T object);

  /** The copier of a store-by-reference cache: hands back the object itself. */
  static Copier none() {
    return new Copier() {
      @Override
      public <T> T copy(T object) {
        return object;
      }
    };
  }
}
