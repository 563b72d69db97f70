package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link StableHash} is XXH64 with seed 0, checked against the function's published test vectors. */
class StableHashTest {

  /**
   * The buffer of xxHash's own sanity check: 101 bytes, each the top byte of a 32-bit generator
   * that starts at 2654435761 and is squared (mod 2^32) after each byte.
   */
  private static byte[] sanityBuffer(int length) {
    byte[] buffer = new byte[length];
    int generator = (int) 2654435761L;
    for (int i = 0; i < length; i++) {
      buffer[i] = (byte) (generator >>> 24);
      generator *= generator;
    }
    return buffer;
  }

  @Test
  void matchesTheReferenceSanityVectorsForSeedZero() {
    assertThat(StableHash.hash64(new byte[0])).isEqualTo(0xEF46DB3751D8E999L);
    assertThat(StableHash.hash64(sanityBuffer(1))).isEqualTo(0x4FCE394CC88952D8L);
    assertThat(StableHash.hash64(sanityBuffer(14))).isEqualTo(0xCFFA8DB881BC3A3DL);
    assertThat(StableHash.hash64(sanityBuffer(101))).isEqualTo(0x0EAB543384F878ADL);
  }

  @Test
  void matchesTheWellKnownTextVectors() {
    assertThat(hash("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
    assertThat(hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
    // 39 bytes: one 32-byte stripe, then an 8-byte lane would overrun, so 4 + 3 single bytes
    assertThat(hash("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
  }

  @Test
  void hashesOnlyTheGivenRange() {
    byte[] buffer = sanityBuffer(101);
    for (int offset = 0; offset < 40; offset += 3) {
      for (int length = 0; offset + length <= buffer.length; length += 7) {
        assertThat(StableHash.hash64(buffer, offset, length))
            .isEqualTo(StableHash.hash64(Arrays.copyOfRange(buffer, offset, offset + length)));
      }
    }
    assertThatThrownBy(() -> StableHash.hash64(buffer, 100, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> StableHash.hash64(buffer, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aKeyHashesItsUnframedEncoding() {
    assertThat(StableHash.ofKey(Codecs.STRING, "abc"))
        .isEqualTo(StableHash.hash64(Codecs.encode(Codecs.STRING, "abc")))
        .isNotEqualTo(StableHash.hash64(Codecs.toBytes(Codecs.STRING, "abc")));
    assertThat(StableHash.ofKey(Codecs.LONG, 7L)).isEqualTo(StableHash.hash64(new byte[] {14}));
  }

  private static long hash(String text) {
    return StableHash.hash64(text.getBytes(StandardCharsets.US_ASCII));
  }
}
