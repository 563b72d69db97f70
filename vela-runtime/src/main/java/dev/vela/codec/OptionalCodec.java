package dev.vela.codec;

import java.util.Optional;

/** An {@link Optional}: a presence byte (0 empty, 1 present), then the value if present. */
final class OptionalCodec<T> implements Codec<Optional<T>> {
  private final Codec<T> inner;
  private String shape;

  OptionalCodec(Codec<T> inner) {
    this.inner = inner;
  }

  @Override
  public void encode(Optional<T> value, CodecOutput out) {
    if (value.isPresent()) {
      out.writeByte(1);
      inner.encode(value.get(), out);
    } else {
      out.writeByte(0);
    }
  }

  @Override
  public Optional<T> decode(CodecInput in) {
    if (!Presence.read(in, "optional")) {
      return Optional.empty();
    }
    in.enter();
    T value = inner.decode(in);
    in.exit();
    if (value == null) {
      throw new CodecException("an optional holds null, which Optional cannot; its element codec " + inner.shape()
          + " should not be nullable");
    }
    return Optional.of(value);
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as the inner codec may be lazy; a racing second computation is harmless
      known = "optional<" + inner.shape() + ">";
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
