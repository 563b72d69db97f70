package dev.vela.codec;

/**
 * Null, or a value of the inner codec: a presence byte (0 for null, 1 for a value), then the
 * value. The one codec that accepts null.
 */
final class NullableCodec<T> implements Codec<T> {
  private final Codec<T> inner;
  private String shape;

  NullableCodec(Codec<T> inner) {
    this.inner = inner;
  }

  @Override
  public void encode(T value, CodecOutput out) {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      inner.encode(value, out);
    }
  }

  @Override
  public T decode(CodecInput in) {
    return Presence.read(in, "nullable") ? inner.decode(in) : null;
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as the inner codec may be lazy; a racing second computation is harmless
      known = "nullable<" + inner.shape() + ">";
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
