package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.codec.SampleTypes.Circle;
import dev.vela.codec.SampleTypes.Color;
import dev.vela.codec.SampleTypes.Square;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way bytes can be wrong ends in a {@link CodecException} that says what was wrong. */
class DecodeErrorsTest {

  @Test
  void truncatedAndTrailingBytesAreRefused() {
    assertRejected(Codecs.INT, bytes(0x80), "input ends early");
    assertRejected(Codecs.UUID, new byte[15], "input ends early");
    assertRejected(Codecs.INT, bytes(0x00, 0x00), "1 bytes left over");
    assertRejected(Codecs.STRING, bytes(), "input ends early");
  }

  @Test
  void outOfRangePrimitivesAreRefused() {
    assertRejected(Codecs.BOOLEAN, bytes(2), "expected a boolean");
    assertRejected(Codecs.nullable(Codecs.INT), bytes(7), "presence byte");
    assertRejected(Codecs.CHAR, varint(0x10000), "expected a char");
    assertRejected(Codecs.SHORT, varint(zigZag(Short.MAX_VALUE + 1)), "expected a short");
    assertRejected(Codecs.INT, varint(zigZag(Integer.MAX_VALUE + 1L)), "32-bit");
    assertRejected(Codecs.LONG, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), "varint");
    assertRejected(Codecs.LONG, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02), "longer than 64 bits");
  }

  @Test
  void impossibleDatesAndTimesAreRefusedNotThrownByTheJdk() {
    assertRejected(Codecs.INSTANT, concat(varint(0), varint(1_000_000_000)), "nanoseconds");
    assertRejected(Codecs.INSTANT, concat(varint(zigZag(Long.MAX_VALUE)), varint(0)), "instant");
    assertRejected(Codecs.LOCAL_DATE, varint(zigZag(Long.MIN_VALUE)), "localdate");
    assertRejected(Codecs.LOCAL_TIME, varint(86_400_000_000_000L), "localtime");
    assertRejected(Codecs.MONTH_DAY, bytes(2, 30), "monthday");
    assertRejected(Codecs.YEAR_MONTH, concat(varint(zigZag(2024)), bytes(13)), "yearmonth");
    assertRejected(Codecs.ZONE_OFFSET, varint(zigZag(19 * 3600)), "zoneoffset");
    assertRejected(Codecs.YEAR, varint(zigZag(1_000_000_000)), "year");
    assertRejected(Codecs.ZONE_ID, Codecs.encode(Codecs.STRING, "Mars/Olympus_Mons"), "zoneid");
    assertRejected(Codecs.ZONE_ID, Codecs.encode(Codecs.STRING, "!!"), "zoneid");
    assertRejected(Codecs.DURATION, concat(varint(0), varint(0xFFFFFFFFL)), "nanoseconds");
  }

  @Test
  void bigNumbersAreBoundedAndCanonical() {
    assertRejected(Codecs.BIG_INTEGER, bytes(0), "at least one byte");
    assertRejected(Codecs.BIG_INTEGER, bytes(2, 0x00, 0x01), "redundant sign byte");
    assertRejected(Codecs.BIG_INTEGER, bytes(2, 0xFF, 0x80), "redundant sign byte");
    assertRejected(Codecs.BIG_DECIMAL, concat(varint(zigZag(10_001)), bytes(1, 1)), "scale 10001");
    assertRejected(Codecs.BIG_DECIMAL, concat(varint(zigZag(Integer.MIN_VALUE)), bytes(1, 1)), "scale");
  }

  @Test
  void lengthsLargerThanTheInputAreRefusedBeforeAllocating() {
    byte[] hugeCount = varint(Integer.MAX_VALUE);
    assertRejected(Codecs.list(Codecs.INT), hugeCount, "more than the 0 bytes that remain");
    assertRejected(Codecs.set(Codecs.INT), concat(hugeCount, bytes(1, 2, 3)), "remain");
    assertRejected(Codecs.map(Codecs.INT, Codecs.INT), concat(hugeCount, bytes(1, 2)), "remain");
    assertRejected(Codecs.STRING, concat(varint(4), bytes('a', 'b', 'c')), "remain");
    assertRejected(Codecs.BYTE_ARRAY, varint(0xFFFFFFFFL), "remain");
  }

  @Test
  void malformedUtf8IsRefused() {
    assertRejected(Codecs.STRING, bytes(2, 0xC0, 0x80), "cannot start a character"); // overlong NUL
    assertRejected(Codecs.STRING, bytes(3, 0xE0, 0x80, 0x80), "continuation"); // overlong 3-byte
    assertRejected(Codecs.STRING, bytes(4, 0xF4, 0x90, 0x80, 0x80), "continuation"); // past U+10FFFF
    assertRejected(Codecs.STRING, bytes(2, 0xE4, 0xB8), "cut off");
    assertRejected(Codecs.STRING, bytes(1, 0x80), "cannot start a character");
    assertRejected(Codecs.STRING, bytes(6, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), "surrogate pair");
    // an unpaired surrogate has exactly one encoding, and it is accepted
    assertThat(Codecs.decode(Codecs.STRING, bytes(3, 0xED, 0xA0, 0x80))).isEqualTo("\uD800");
  }

  @Test
  void namesThatNoLongerExistAreRefused() {
    assertRejected(SampleTypes.COLOR, Codecs.encode(Codecs.STRING, "PURPLE"),
        "SampleTypes.Color has no constant named \"PURPLE\"");
    assertRejected(SampleTypes.COLOR, Codecs.encode(Codecs.STRING, "red"), "no constant named");
    assertRejected(SampleTypes.SHAPE, concat(Codecs.encode(Codecs.STRING, "Triangle"), new byte[8]),
        "no variant tagged \"Triangle\"");
    Codec<Color> redOnly = Codecs.enumByName("dev.vela.codec.SampleTypes.Color", new Color[] {Color.RED});
    assertRejected(redOnly, Codecs.encode(SampleTypes.COLOR, Color.BLUE), "BLUE");
  }

  @Test
  void repeatedSetElementsAndMapKeysAreRefused() {
    assertRejected(Codecs.set(Codecs.INT), bytes(2, 6, 6), "holds element 1 twice");
    assertRejected(Codecs.map(Codecs.STRING, Codecs.INT), bytes(2, 1, 'k', 2, 1, 'k', 4), "key of entry 1 twice");
  }

  @Test
  void constraintsOfTheDecodedTypeAreDecodeErrors() {
    Codec<java.util.Optional<String>> optionalOfNullable = Codecs.optional(Codecs.nullable(Codecs.STRING));
    assertRejected(optionalOfNullable, bytes(1, 0), "optional holds null");
    // the record's constructor refuses a negative quantity
    assertRejected(new SampleTypes.LineItemCodec(), concat(bytes(0), varint(zigZag(-1)), bytes(0)), "refused its components");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWithoutOverflowingTheStack() {
    assertThat(Codecs.decode(nestedLists(CodecInput.MAX_DEPTH), emptyNestedList(CodecInput.MAX_DEPTH))).isNotNull();
    assertRejected(nestedLists(CodecInput.MAX_DEPTH + 1), emptyNestedList(CodecInput.MAX_DEPTH + 1), "nest deeper than 64");

    // a recursive codec reads as deep as the bytes say: hostile bytes must not reach a StackOverflowError
    CodecOutput chain = new CodecOutput();
    for (int i = 0; i < 10_000; i++) {
      chain.writeByte(0); // no label
      chain.writeByte(1); // children present
      chain.writeByte(1); // one child
      chain.writeByte(1); // the child is not null
    }
    assertRejected(SampleTypes.TreeCodec.INSTANCE, chain.toByteArray(), "nest deeper");
  }

  @Test
  void aCodecBreakingItsContractStillYieldsACodecException() {
    Codec<String> careless = new Codec<>() {
      @Override
      public void encode(String value, CodecOutput out) {
        out.writeString(value);
      }

      @Override
      public String decode(CodecInput in) {
        return in.readString().substring(5); // StringIndexOutOfBoundsException on short strings
      }

      @Override
      public String shape() {
        return "careless";
      }
    };
    assertThatThrownBy(() -> Codecs.decode(Codecs.list(careless), bytes(1, 1, 'x')))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("list<careless> could not read its bytes")
        .hasCauseInstanceOf(StringIndexOutOfBoundsException.class);
  }

  @Test
  void framedBytesOfAnotherShapeAreAShapeMismatch() {
    byte[] ints = Codecs.toBytes(Codecs.list(Codecs.INT), List.of(1, 2, 3));
    assertThatThrownBy(() -> Codecs.fromBytes(Codecs.list(Codecs.LONG), ints))
        .isInstanceOfSatisfying(ShapeMismatchException.class, e -> {
          assertThat(e.foundFingerprint()).isEqualTo(Codecs.fingerprint(Codecs.list(Codecs.INT)));
          assertThat(e.expectedFingerprint()).isEqualTo(Codecs.fingerprint(Codecs.list(Codecs.LONG)));
          assertThat(e).hasMessageContaining("list<long>");
        });
    // a sealed type that gained a variant has another shape, so its old bytes are recognised
    Codec<SampleTypes.Shape> circlesOnly = Codecs.sealed("dev.vela.codec.SampleTypes.Shape",
        Codecs.variant("Circle", Circle.class, new SampleTypes.CircleCodec()));
    byte[] circle = Codecs.toBytes(circlesOnly, new Circle(1));
    assertThatThrownBy(() -> Codecs.fromBytes(SampleTypes.SHAPE, circle)).isInstanceOf(ShapeMismatchException.class);
    assertThat(Codecs.fromBytes(SampleTypes.SHAPE, Codecs.toBytes(SampleTypes.SHAPE, new Square(2)))).isEqualTo(new Square(2));
  }

  @Test
  void framedBytesShorterThanTheHeaderOrWithTrailingBytesAreRefused() {
    assertThatThrownBy(() -> Codecs.fromBytes(Codecs.INT, bytes(1, 2, 3)))
        .isExactlyInstanceOf(CodecException.class).hasMessageContaining("4-byte shape fingerprint");
    byte[] framed = Codecs.toBytes(Codecs.INT, 5);
    byte[] longer = concat(framed, bytes(0));
    assertThatThrownBy(() -> Codecs.fromBytes(Codecs.INT, longer))
        .isExactlyInstanceOf(CodecException.class).hasMessageContaining("left over");
  }

  @Test
  void decodingReadsOnlyTheGivenRangeOfAnArray() {
    byte[] framed = Codecs.toBytes(Codecs.STRING, "abc");
    byte[] padded = concat(bytes(9, 9), framed, bytes(9));
    assertThat(Codecs.framed(Codecs.STRING).fromBytes(padded, 2, framed.length)).isEqualTo("abc");
    assertThatThrownBy(() -> Codecs.framed(Codecs.STRING).fromBytes(padded, 2, framed.length - 1))
        .isInstanceOf(CodecException.class);
  }

  private static <T> void assertRejected(Codec<T> codec, byte[] bytes, String messagePart) {
    assertThatThrownBy(() -> Codecs.decode(codec, bytes))
        .as("%s decoding %s", codec.shape(), java.util.Arrays.toString(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(messagePart);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a tower of list codecs has no static type to write down
  private static Codec<Object> nestedLists(int depth) {
    Codec codec = Codecs.INT;
    for (int i = 0; i < depth; i++) {
      codec = Codecs.list(codec);
    }
    return codec;
  }

  /** A list holding a list holding ... an empty list, {@code depth} lists in all. */
  private static byte[] emptyNestedList(int depth) {
    List<Object> value = new ArrayList<>();
    for (int i = 1; i < depth; i++) {
      value = new ArrayList<>(List.of(value));
    }
    return Codecs.encode(nestedLists(depth), value);
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  static byte[] varint(long value) {
    CodecOutput out = new CodecOutput();
    out.writeVarLong(value);
    return out.toByteArray();
  }

  static long zigZag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  static byte[] concat(byte[]... parts) {
    CodecOutput out = new CodecOutput();
    for (byte[] part : parts) {
      out.writeRaw(part, 0, part.length);
    }
    return out.toByteArray();
  }
}
