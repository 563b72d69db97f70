package dev.vela.codec;

/** The built-in codecs, and combinators generated codecs are made of. */
public final class Codecs {
  private Codecs() {}

  /**
   * A 32-bit fingerprint of {@code codec}'s shape, stored with encoded values so that bytes of
   * another shape are recognised on decode.
   */
  public static int fingerprint(Codec<?> codec) {
    return codec.shape().hashCode();
  }
}
