package dev.vela.jcache;

/**
 * How a store-by-value cache copies keys and values as they go in and come out, so a caller that
 * changes an object after {@code put} or after {@code get} never changes what the cache holds.
 *
 * <p>The default copier shares immutable JDK values (strings, boxed primitives, {@code BigInteger},
 * {@code BigDecimal}, {@code UUID}, enum constants, {@code java.time} values), clones byte arrays,
 * and copies any other {@code Serializable} object by writing it to a byte array in memory and
 * reading it straight back, in the same process and class loader. Those bytes are never stored,
 * written to a file or sent over a network: Java serialization serves here as an in-memory deep
 * copy only, while Vela's storage and wire formats are its generated codecs. A type that is neither
 * needs a copier of its own, given with {@link VelaCacheConfiguration#setCopier}. Implementations
 * must be thread-safe.
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
