package dev.vela.codec;

/**
 * Turns values of one type into bytes and back, without reflection or Java serialization. The
 * annotation processor generates codecs for records, enums and sealed interfaces and composes the
 * built-in ones of {@link Codecs}; a user supplies one for any other type with {@code @VelaCodec}.
 *
 * <p>A codec never sees null: wrap it with {@link Codecs#nullable(Codec)} where null is allowed.
 * Implementations must be stateless and thread-safe.
 *
 * @param <T> the type encoded
 */
public interface Codec<T> {

  /** Writes {@code value}, which is never null, to {@code out}. */
  void encode(T value, CodecOutput out);

  /**
   * Reads one value written by {@link #encode}.
   *
   * @throws CodecException when the bytes are not a valid encoding; never any other exception
   */
  T decode(CodecInput in);

  /**
   * A canonical description of the encoded shape, such as {@code record com.acme.User(string
   * name,int age,list<nullable<string>> tags)}. Two codecs that read each other's bytes have equal shapes; the shape's
   * fingerprint travels with stored values, so bytes of an older shape are recognised.
   */
  String shape();
}
