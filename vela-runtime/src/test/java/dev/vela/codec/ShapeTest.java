package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.SampleTypes.Circle;
import dev.vela.codec.SampleTypes.Color;
import dev.vela.codec.SampleTypes.Square;
import org.junit.jupiter.api.Test;

/** Shapes are canonical names built from the parts, and change exactly when the bytes would. */
class ShapeTest {

  @Test
  void builtInsHaveShortCanonicalNames() {
    assertThat(new Codec<?>[] {
        Codecs.BOOLEAN, Codecs.BYTE, Codecs.SHORT, Codecs.CHAR, Codecs.INT, Codecs.LONG, Codecs.FLOAT, Codecs.DOUBLE,
        Codecs.STRING, Codecs.UUID, Codecs.BYTE_ARRAY, Codecs.BIG_INTEGER, Codecs.BIG_DECIMAL, Codecs.INSTANT,
        Codecs.DURATION, Codecs.LOCAL_DATE, Codecs.LOCAL_TIME, Codecs.LOCAL_DATE_TIME, Codecs.OFFSET_TIME,
        Codecs.OFFSET_DATE_TIME, Codecs.ZONED_DATE_TIME, Codecs.ZONE_ID, Codecs.ZONE_OFFSET, Codecs.YEAR,
        Codecs.YEAR_MONTH, Codecs.MONTH_DAY, Codecs.PERIOD})
        .extracting(Codec::shape)
        .containsExactly("boolean", "byte", "short", "char", "int", "long", "float", "double", "string", "uuid", "bytes",
            "biginteger", "bigdecimal", "instant", "duration", "localdate", "localtime", "localdatetime", "offsettime",
            "offsetdatetime", "zoneddatetime", "zoneid", "zoneoffset", "year", "yearmonth", "monthday", "period");
  }

  @Test
  void combinatorsComposeTheShapesOfTheirParts() {
    assertThat(Codecs.list(Codecs.nullable(Codecs.STRING)).shape()).isEqualTo("list<nullable<string>>");
    assertThat(Codecs.map(Codecs.STRING, Codecs.INT).shape()).isEqualTo("map<string,int>");
    assertThat(Codecs.set(Codecs.optional(Codecs.UUID)).shape()).isEqualTo("set<optional<uuid>>");
    assertThat(Codecs.lazy(() -> Codecs.list(Codecs.LONG)).shape()).isEqualTo("list<long>");
    assertThat(Codecs.list(Codecs.INT)).hasToString("list<int>");
  }

  @Test
  void anEnumIsItsTypeNameSoAddingConstantsKeepsOldBytesReadable() {
    Codec<Color> twoColors = Codecs.enumByName("dev.vela.codec.SampleTypes.Color", new Color[] {Color.RED, Color.GREEN});
    assertThat(SampleTypes.COLOR.shape()).isEqualTo("enum dev.vela.codec.SampleTypes.Color").isEqualTo(twoColors.shape());
    assertThat(Codecs.fromBytes(SampleTypes.COLOR, Codecs.toBytes(twoColors, Color.GREEN))).isEqualTo(Color.GREEN);
  }

  @Test
  void aSealedTypeListsItsVariantsSortedByTag() {
    Codec<SampleTypes.Shape> reordered = Codecs.sealed("dev.vela.codec.SampleTypes.Shape",
        Codecs.variant("Square", Square.class, new SampleTypes.SquareCodec()),
        Codecs.variant("Circle", Circle.class, new SampleTypes.CircleCodec()));
    assertThat(SampleTypes.SHAPE.shape()).isEqualTo("sealed dev.vela.codec.SampleTypes.Shape{"
        + "Circle=record dev.vela.codec.SampleTypes.Circle(double radius),"
        + "Square=record dev.vela.codec.SampleTypes.Square(double side)}");
    assertThat(reordered.shape()).isEqualTo(SampleTypes.SHAPE.shape());
    assertThat(Codecs.fromBytes(SampleTypes.SHAPE, Codecs.toBytes(reordered, new Square(3)))).isEqualTo(new Square(3));
  }

  @Test
  void differentShapesHaveDifferentFingerprints() {
    assertThat(Codecs.fingerprint(Codecs.list(Codecs.INT))).isNotEqualTo(Codecs.fingerprint(Codecs.list(Codecs.LONG)));
    assertThat(Codecs.fingerprint(Codecs.nullable(Codecs.INT))).isNotEqualTo(Codecs.fingerprint(Codecs.INT));
    assertThat(Codecs.fingerprint(Codecs.map(Codecs.INT, Codecs.STRING)))
        .isNotEqualTo(Codecs.fingerprint(Codecs.map(Codecs.STRING, Codecs.INT)));
    assertThat(Codecs.framed(Codecs.INT).fingerprint()).isEqualTo(Codecs.fingerprint(Codecs.INT));
  }
}
