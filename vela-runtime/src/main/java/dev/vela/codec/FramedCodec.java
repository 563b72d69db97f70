package dev.vela.codec;

import java.util.Objects;

/**
 * Stored values of one codec: the 4-byte fingerprint of its shape (little-endian), then the
 * value's encoding. Reading checks the fingerprint first, so bytes written by another shape of the
 * type end in a {@link ShapeMismatchException} instead of a wrong value. (Two shapes share a
 * fingerprint with odds of one in four billion; even then the payload is usually refused.) Make
 * one per codec and keep it: it computes the fingerprint once.
 *
 * @param <T> the type stored
 */
public final class FramedCodec<T> {
  /** The bytes in front of every framed value. */
  public static final int HEADER_BYTES = 4;

  private final Codec<T> codec;
  private final int fingerprint;

  private FramedCodec(Codec<T> codec) {
    this.codec = codec;
    this.fingerprint = Codecs.fingerprint(codec);
  }

  /** Frames the values of {@code codec}. */
  public static <T> FramedCodec<T> of(Codec<T> codec) {
    return new FramedCodec<>(Objects.requireNonNull(codec, "codec"));
  }

  /** The codec of the payload. */
  public Codec<T> codec() {
    return codec;
  }

  /** The fingerprint written in front of each value, {@link Codecs#fingerprint(Codec)}. */
  public int fingerprint() {
    return fingerprint;
  }

  /** The fingerprint and then the encoding of {@code value}, which may be null only for a nullable codec. */
  public byte[] toBytes(T value) {
    Elements.requireWritable(codec, value);
    CodecOutput out = new CodecOutput();
    out.writeInt(fingerprint);
    codec.encode(value, out);
    return out.toByteArray();
  }

  /**
   * Writes a length, then what {@link #toBytes} returns for {@code value}: the same bytes as {@code
   * out.writeBytes(toBytes(value))}, written in place. When the codec fails, nothing of the value
   * stays written.
   */
  public void writeSized(T value, CodecOutput out) {
    out.writeSizedFramed(codec, value, fingerprint);
  }

  /**
   * Reads a value written by {@link #toBytes} from where {@code in} stands; the value must fill the
   * rest of it (say an input of {@link CodecInput#readSizedInput}, over what {@link #writeSized} wrote).
   *
   * @throws ShapeMismatchException when another shape wrote them
   * @throws CodecException when they are not a valid encoding, for any reason
   */
  public T read(CodecInput in) {
    if (in.remaining() < HEADER_BYTES) {
      throw new CodecException("a stored value needs at least the " + HEADER_BYTES + "-byte shape fingerprint, found "
          + in.remaining() + " bytes");
    }
    int found = in.readInt();
    if (found != fingerprint) {
      throw new ShapeMismatchException(codec.shape(), fingerprint, found);
    }
    return Codecs.decodeAll(codec, in);
  }

  /** Reads a value written by {@link #toBytes}, which must fill all of {@code bytes}. */
  public T fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0, Objects.requireNonNull(bytes, "bytes").length);
  }

  /**
   * Reads a value written by {@link #toBytes} from {@code length} bytes of {@code bytes} at {@code
   * offset}; the value must fill them.
   *
   * @throws ShapeMismatchException when another shape wrote them
   * @throws CodecException when they are not a valid encoding, for any reason
   */
  public T fromBytes(byte[] bytes, int offset, int length) {
    return read(new CodecInput(bytes, offset, length));
  }

  @Override
  public String toString() {
    return String.format("framed %s (fingerprint %08x)", codec.shape(), fingerprint);
  }
}
