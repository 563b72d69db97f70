package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Values written and read in place ({@link CodecOutput#writeSized}, {@link FramedCodec#writeSized},
 * {@link CodecInput#readSized}, {@link CodecInput#readSizedInput}): the same bytes as an encoding
 * into an array of its own followed by {@link CodecOutput#writeBytes}, at every length of the length prefix.
 */
class SizedValuesTest {
  /** Lengths around each step of the varint length prefix. */
  private static final int[] LENGTHS = {0, 1, 120, 126, 127, 128, 129, 300, 16_382, 16_383, 16_384, 70_000};

  private static String text(int length) {
    char[] chars = new char[length];
    Arrays.fill(chars, 'x');
    return new String(chars);
  }

  @Test
  void aSizedValueIsTheSameBytesAsItsArrayAndReadsBack() {
    for (int length : LENGTHS) {
      String value = text(length);
      CodecOutput expected = new CodecOutput();
      expected.writeByte(9);
      expected.writeBytes(Codecs.encode(Codecs.STRING, value));
      expected.writeByte(7);
      CodecOutput sized = new CodecOutput();
      sized.writeByte(9);
      sized.writeSized(Codecs.STRING, value);
      sized.writeByte(7);

      assertThat(sized.toByteArray()).as("length %d", length).isEqualTo(expected.toByteArray());
      CodecInput in = new CodecInput(sized.toByteArray());
      assertThat(in.readUnsignedByte()).isEqualTo(9);
      assertThat(in.readSized(Codecs.STRING)).isEqualTo(value);
      assertThat(in.readUnsignedByte()).isEqualTo(7);
      in.requireEnd();
    }
  }

  @Test
  void aFramedValueIsTheSameBytesAsToBytesAndReadsBack() {
    FramedCodec<String> framed = FramedCodec.of(Codecs.STRING);
    for (int length : LENGTHS) {
      String value = text(length);
      CodecOutput expected = new CodecOutput();
      expected.writeBytes(framed.toBytes(value));
      expected.writeByte(7);
      CodecOutput sized = new CodecOutput();
      framed.writeSized(value, sized);
      sized.writeByte(7);

      assertThat(sized.toByteArray()).as("length %d", length).isEqualTo(expected.toByteArray());
      CodecInput in = new CodecInput(sized.toByteArray());
      assertThat(framed.read(in.readSizedInput())).isEqualTo(value);
      assertThat(in.readUnsignedByte()).isEqualTo(7);
    }
  }

  @Test
  void aValueThatFailsToEncodeLeavesNothingWritten() {
    Codec<String> failing = new Codec<>() {
      @Override
      public void encode(String value, CodecOutput out) {
        out.writeString(value);
        throw new CodecException("no");
      }

      @Override
      public String decode(CodecInput in) {
        return in.readString();
      }

      @Override
      public String shape() {
        return "failing";
      }
    };
    CodecOutput out = new CodecOutput();
    out.writeByte(9);

    assertThatThrownBy(() -> out.writeSized(failing, "abc")).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> FramedCodec.of(failing).writeSized("abc", out)).isInstanceOf(CodecException.class);

    assertThat(out.toByteArray()).containsExactly(9);
  }

  @Test
  void aValueThatDoesNotFillItsBytesIsAnErrorAndTheInputMovesPastThem() {
    CodecOutput out = new CodecOutput();
    out.writeSized(Codecs.list(Codecs.STRING), java.util.List.of("a", "b"));
    out.writeByte(7);
    CodecInput in = new CodecInput(out.toByteArray());

    assertThatThrownBy(() -> in.readSized(Codecs.STRING)).isInstanceOf(CodecException.class);
    assertThat(in.readUnsignedByte()).isEqualTo(7);
  }

  @Test
  void aSizedInputPastTheEndIsAnError() {
    CodecOutput out = new CodecOutput();
    out.writeLength(10);
    out.writeByte(1);
    CodecInput in = new CodecInput(out.toByteArray());

    assertThatThrownBy(in::readSizedInput).isInstanceOf(CodecException.class);
  }

  @Test
  void aKeyHashIsTheHashOfItsEncodingAtAnyLengthAndWhenHashedWhileEncoding() {
    for (int length : LENGTHS) {
      String key = text(length);
      assertThat(StableHash.ofKey(Codecs.STRING, key)).isEqualTo(StableHash.hash64(Codecs.encode(Codecs.STRING, key)));
    }
    // a codec that hashes another key while it encodes: each hash is still its own key's
    Codec<String> hashing = new Codec<>() {
      @Override
      public void encode(String value, CodecOutput out) {
        out.writeLong(StableHash.ofKey(Codecs.STRING, value + "!"));
        out.writeString(value);
      }

      @Override
      public String decode(CodecInput in) {
        in.readLong();
        return in.readString();
      }

      @Override
      public String shape() {
        return "hashing";
      }
    };
    assertThat(StableHash.ofKey(hashing, "k")).isEqualTo(StableHash.hash64(Codecs.encode(hashing, "k")));
  }
}
