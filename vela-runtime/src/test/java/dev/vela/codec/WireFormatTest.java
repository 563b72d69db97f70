package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.SampleTypes.Color;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the built-in codecs. They are stored on disk and in Redis and hashed to place
 * keys, so a change here is a change of the format, never a refactoring.
 */
class WireFormatTest {

  @Test
  void integersAreZigZagVarints() {
    assertThat(Codecs.encode(Codecs.INT, 0)).containsExactly(0);
    assertThat(Codecs.encode(Codecs.INT, -1)).containsExactly(1);
    assertThat(Codecs.encode(Codecs.INT, 1)).containsExactly(2);
    assertThat(Codecs.encode(Codecs.INT, 64)).containsExactly(0x80, 0x01);
    assertThat(Codecs.encode(Codecs.INT, Integer.MIN_VALUE)).containsExactly(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    assertThat(Codecs.encode(Codecs.LONG, Long.MIN_VALUE)).hasSize(10).endsWith(0x01);
    assertThat(Codecs.encode(Codecs.SHORT, (short) -3)).containsExactly(5);
    assertThat(Codecs.encode(Codecs.CHAR, '\uFFFF')).containsExactly(0xFF, 0xFF, 0x03);
    assertThat(Codecs.encode(Codecs.BYTE, (byte) -1)).containsExactly(0xFF);
    assertThat(Codecs.encode(Codecs.BOOLEAN, true)).containsExactly(1);
  }

  @Test
  void floatingPointIsLittleEndianIeeeWithOneNaN() {
    assertThat(Codecs.encode(Codecs.DOUBLE, 1.0)).containsExactly(0, 0, 0, 0, 0, 0, 0xF0, 0x3F);
    assertThat(Codecs.encode(Codecs.DOUBLE, -0.0)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0x80);
    assertThat(Codecs.encode(Codecs.FLOAT, 1.0f)).containsExactly(0, 0, 0x80, 0x3F);
    double otherNaN = Double.longBitsToDouble(0x7FF0_0000_0000_0001L);
    assertThat(Codecs.encode(Codecs.DOUBLE, otherNaN)).isEqualTo(Codecs.encode(Codecs.DOUBLE, Double.NaN));
  }

  @Test
  void stringsArePlainUtf8WhenTheyAreValidUnicode() {
    assertThat(Codecs.encode(Codecs.STRING, "")).containsExactly(0);
    assertThat(Codecs.encode(Codecs.STRING, "é")).containsExactly(2, 0xC3, 0xA9);
    assertThat(Codecs.encode(Codecs.STRING, "\uD83D\uDE00")).containsExactly(4, 0xF0, 0x9F, 0x98, 0x80);
    assertThat(Codecs.encode(Codecs.STRING, "a\uDC00")).containsExactly(4, 'a', 0xED, 0xB0, 0x80);
    RandomValues values = new RandomValues(7);
    for (int i = 0; i < 2_000; i++) {
      String text = values.aValidString();
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      CodecOutput expected = new CodecOutput();
      expected.writeBytes(utf8);
      assertThat(Codecs.encode(Codecs.STRING, text)).isEqualTo(expected.toByteArray());
      assertThat(Codecs.decode(Codecs.STRING, expected.toByteArray())).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
    }
  }

  @Test
  void uuidsEnumsAndNullablesHaveFixedLayouts() {
    UUID id = new UUID(0x0102030405060708L, 0x1112131415161718L);
    assertThat(Codecs.encode(Codecs.UUID, id)).containsExactly(
        8, 7, 6, 5, 4, 3, 2, 1, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11);
    assertThat(Codecs.encode(SampleTypes.COLOR, Color.RED)).containsExactly(3, 'R', 'E', 'D');
    assertThat(Codecs.encode(Codecs.nullable(Codecs.INT), null)).containsExactly(0);
    assertThat(Codecs.encode(Codecs.nullable(Codecs.INT), 1)).containsExactly(1, 2);
    assertThat(Codecs.encode(Codecs.optional(Codecs.INT), java.util.Optional.of(1))).containsExactly(1, 2);
    assertThat(Codecs.encode(Codecs.list(Codecs.INT), java.util.List.of(1, -1))).containsExactly(2, 2, 1);
    assertThat(Codecs.encode(SampleTypes.SHAPE, new SampleTypes.Circle(1.0)))
        .startsWith(6, 'C', 'i', 'r', 'c', 'l', 'e').hasSize(7 + 8);
  }

  @Test
  void framedValuesStartWithTheLittleEndianFingerprint() {
    int fingerprint = Codecs.fingerprint(Codecs.INT);
    assertThat(Codecs.toBytes(Codecs.INT, 1)).containsExactly(
        fingerprint, fingerprint >>> 8, fingerprint >>> 16, fingerprint >>> 24, 2);
    assertThat(Codecs.toBytes(Codecs.INT, 1)).isEqualTo(Codecs.framed(Codecs.INT).toBytes(1));
  }

  @Test
  void fingerprintsAreTheLow32BitsOfTheShapeHashAndNeverChange() {
    for (Codec<?> codec : new Codec<?>[] {Codecs.INT, Codecs.list(Codecs.nullable(Codecs.STRING)), SampleTypes.COLOR}) {
      long hash = StableHash.hash64(codec.shape().getBytes(StandardCharsets.UTF_8));
      assertThat(Codecs.fingerprint(codec)).isEqualTo((int) hash);
    }
    // pinned: stored values carry these, so they must be the same in every version and JVM
    assertThat(Codecs.fingerprint(Codecs.INT)).isEqualTo(0xf77057c3);
    assertThat(Codecs.fingerprint(Codecs.list(Codecs.nullable(Codecs.STRING)))).isEqualTo(0xc1a9fecb);
  }
}
