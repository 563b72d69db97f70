package dev.vela.codec;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A codec that asks its supplier for the real one on first use, so codecs of recursive types can
 * refer to themselves before they exist.
 */
final class LazyCodec<T> implements Codec<T> {
  private final Supplier<? extends Codec<T>> supplier;
  private volatile Codec<T> resolved;

  LazyCodec(Supplier<? extends Codec<T>> supplier) {
    this.supplier = supplier;
  }

  @Override
  public void encode(T value, CodecOutput out) {
    resolve().encode(value, out);
  }

  @Override
  public T decode(CodecInput in) {
    return resolve().decode(in);
  }

  @Override
  public String shape() {
    return resolve().shape();
  }

  @Override
  public String toString() {
    Codec<T> known = resolved;
    return known == null ? "lazy codec (not resolved yet)" : known.toString();
  }

  /** The real codec, asked of the supplier on the first call. */
  Codec<T> resolve() {
    Codec<T> known = resolved;
    if (known == null) {
      // suppliers return the same codec each time, so a racing second call is harmless
      known = Objects.requireNonNull(supplier.get(), "the supplier of a lazy codec returned null");
      resolved = known;
    }
    return known;
  }
}
