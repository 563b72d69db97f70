package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.SampleTypes.Circle;
import dev.vela.codec.SampleTypes.Color;
import dev.vela.codec.SampleTypes.Shape;
import dev.vela.codec.SampleTypes.Square;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Random values of every supported type, edges included, survive encoding and decoding unchanged. */
class RoundTripTest {
  private static final int VALUES_PER_CODEC = 2_000;

  static Stream<Arguments> codecs() {
    return Stream.of(
        codec(Codecs.BOOLEAN, v -> v.random().nextBoolean()),
        codec(Codecs.BYTE, v -> (byte) v.anInt()),
        codec(Codecs.SHORT, v -> (short) v.anInt()),
        codec(Codecs.CHAR, RandomValues::aChar),
        codec(Codecs.INT, RandomValues::anInt),
        codec(Codecs.LONG, RandomValues::aLong),
        codec(Codecs.FLOAT, RandomValues::aFloat),
        codec(Codecs.DOUBLE, RandomValues::aDouble),
        codec(Codecs.STRING, RandomValues::aString),
        codec(Codecs.UUID, RandomValues::aUuid),
        codec(Codecs.BYTE_ARRAY, v -> v.bytes(300)),
        codec(Codecs.BIG_INTEGER, RandomValues::aBigInteger),
        codec(Codecs.BIG_DECIMAL, RandomValues::aBigDecimal),
        codec(Codecs.INSTANT, RandomValues::anInstant),
        codec(Codecs.DURATION, RandomValues::aDuration),
        codec(Codecs.LOCAL_DATE, RandomValues::aLocalDate),
        codec(Codecs.LOCAL_TIME, RandomValues::aLocalTime),
        codec(Codecs.LOCAL_DATE_TIME, RandomValues::aLocalDateTime),
        codec(Codecs.OFFSET_TIME, RandomValues::anOffsetTime),
        codec(Codecs.OFFSET_DATE_TIME, RandomValues::anOffsetDateTime),
        codec(Codecs.ZONED_DATE_TIME, RandomValues::aZonedDateTime),
        codec(Codecs.ZONE_ID, RandomValues::aZoneId),
        codec(Codecs.ZONE_OFFSET, RandomValues::aZoneOffset),
        codec(Codecs.YEAR, RandomValues::aYear),
        codec(Codecs.YEAR_MONTH, RandomValues::aYearMonth),
        codec(Codecs.MONTH_DAY, RandomValues::aMonthDay),
        codec(Codecs.PERIOD, RandomValues::aPeriod),
        codec(Codecs.nullable(Codecs.STRING), v -> v.chance(30) ? null : v.aString()),
        codec(Codecs.optional(Codecs.INSTANT), v -> v.chance(30) ? Optional.empty() : Optional.of(v.anInstant())),
        codec(Codecs.list(Codecs.nullable(Codecs.STRING)), v -> v.listOf(8, w -> w.chance(20) ? null : w.aString())),
        codec(Codecs.set(Codecs.nullable(Codecs.INT)),
            v -> new LinkedHashSet<>(v.listOf(8, w -> w.chance(10) ? null : w.anInt()))),
        codec(Codecs.map(Codecs.STRING, Codecs.nullable(Codecs.LONG)), RoundTripTest::randomMap),
        codec(Codecs.list(Codecs.list(Codecs.UUID)), v -> v.listOf(4, w -> w.listOf(3, RandomValues::aUuid))),
        codec(Codecs.optional(Codecs.list(Codecs.optional(Codecs.BIG_DECIMAL))),
            v -> v.chance(20) ? Optional.empty() : Optional.of(v.listOf(4, w -> w.chance(30) ? Optional.empty() : Optional.of(w.aBigDecimal())))),
        codec(SampleTypes.COLOR, v -> v.pick(Color.values())),
        codec(SampleTypes.SHAPE, v -> v.chance(50) ? new Circle(v.aDouble()) : new Square(v.aDouble())),
        codec(Codecs.list(SampleTypes.SHAPE), v -> v.<Shape>listOf(5, w -> new Circle(w.aDouble()))),
        codec(new SampleTypes.OrderCodec(), SampleTypes::randomOrder),
        codec(SampleTypes.TreeCodec.INSTANCE, v -> SampleTypes.randomTree(v, 6)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  <T> void randomValuesSurviveEncoding(String shape, Codec<T> codec, Function<RandomValues, T> generator) {
    RandomValues values = new RandomValues(shape.hashCode());
    for (int i = 0; i < VALUES_PER_CODEC; i++) {
      RoundTrips.check(codec, generator.apply(values));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  <T> void decodingAfterOtherValuesReadsExactlyItsOwnBytes(String shape, Codec<T> codec, Function<RandomValues, T> generator) {
    // values written back to back must each stop where the next begins
    RandomValues values = new RandomValues(~shape.hashCode());
    CodecOutput out = new CodecOutput();
    List<T> written = values.listOf(50, generator);
    for (T value : written) {
      codec.encode(value, out);
    }
    CodecInput in = new CodecInput(out.toByteArray());
    for (T value : written) {
      T read = codec.decode(in);
      assertThat(Codecs.encode(codec, read)).isEqualTo(Codecs.encode(codec, value));
    }
    assertThat(in.remaining()).isZero();
  }

  private static <T> Arguments codec(Codec<T> codec, Function<RandomValues, T> generator) {
    return Arguments.of(codec.shape().length() > 60 ? codec.shape().substring(0, 60) + "..." : codec.shape(), codec, generator);
  }

  private static Map<String, Long> randomMap(RandomValues values) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (String key : values.listOf(6, RandomValues::aString)) {
      map.put(key, values.chance(20) ? null : values.aLong());
    }
    return map;
  }
}
