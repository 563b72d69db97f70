package dev.vela.codec;

/** The built-in codecs, and combinators generated codecs are made of. */
public final class Codecs {
  private Codecs() {}
}
