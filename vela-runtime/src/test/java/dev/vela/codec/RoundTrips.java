package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a value survives encoding, framed and unframed, and that its encoding is canonical. */
final class RoundTrips {
  private RoundTrips() {}

  /** Encodes and decodes {@code value} both ways and returns the unframed bytes. */
  static <T> byte[] check(Codec<T> codec, T value) {
    byte[] bytes = Codecs.encode(codec, value);
    T decoded = Codecs.decode(codec, bytes);
    assertSame(codec, value, decoded);
    // equal values must encode alike, because key bytes are hashed
    assertThat(Codecs.encode(codec, decoded)).as("%s re-encoding of %s", codec.shape(), value).isEqualTo(bytes);
    T unframed = Codecs.fromBytes(codec, Codecs.toBytes(codec, value));
    assertSame(codec, value, unframed);
    return bytes;
  }

  private static <T> void assertSame(Codec<T> codec, T expected, T actual) {
    if (expected instanceof byte[] array) {
      assertThat((byte[]) actual).as(codec.shape()).isEqualTo(array);
    } else {
      assertThat(actual).as("%s round trip", codec.shape()).isEqualTo(expected);
    }
  }
}
