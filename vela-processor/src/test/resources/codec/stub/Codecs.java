package dev.vela.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A stand-in for the runtime's Codecs, compiled only into codec generation tests: it has the
 * members generated code uses, with the signatures the runtime promises, and simple encodings
 * good enough to round-trip values. It is not the runtime's wire format.
 */
public final class Codecs {
  public static final Codec<Boolean> BOOLEAN = of("boolean", (v, out) -> out.writeBoolean(v), CodecInput::readBoolean);
  public static final Codec<Byte> BYTE = of("byte", (v, out) -> out.writeByte(v), in -> (byte) in.readUnsignedByte());
  public static final Codec<Short> SHORT =
      of("short", (v, out) -> out.writeZigZagLong(v), in -> (short) in.readZigZagLong());
  public static final Codec<Character> CHAR = of("char", (v, out) -> out.writeVarInt(v), in -> (char) in.readVarInt());
  public static final Codec<Integer> INT = of("int", (v, out) -> out.writeZigZagLong(v), in -> (int) in.readZigZagLong());
  public static final Codec<Long> LONG = of("long", (v, out) -> out.writeZigZagLong(v), CodecInput::readZigZagLong);
  public static final Codec<Float> FLOAT =
      of("float", (v, out) -> out.writeInt(Float.floatToRawIntBits(v)), in -> Float.intBitsToFloat(in.readInt()));
  public static final Codec<Double> DOUBLE =
      of("double", (v, out) -> out.writeLong(Double.doubleToRawLongBits(v)), in -> Double.longBitsToDouble(in.readLong()));
  public static final Codec<String> STRING = of("string", (v, out) -> out.writeString(v), CodecInput::readString);
  public static final Codec<UUID> UUID = of("uuid", (v, out) -> {
    out.writeLong(v.getMostSignificantBits());
    out.writeLong(v.getLeastSignificantBits());
  }, in -> new UUID(in.readLong(), in.readLong()));
  public static final Codec<BigDecimal> BIG_DECIMAL = text("bigdecimal", BigDecimal::new);
  public static final Codec<BigInteger> BIG_INTEGER = text("biginteger", BigInteger::new);
  public static final Codec<Instant> INSTANT = text("instant", Instant::parse);
  public static final Codec<Duration> DURATION = text("duration", Duration::parse);
  public static final Codec<LocalDate> LOCAL_DATE = text("localdate", LocalDate::parse);
  public static final Codec<LocalTime> LOCAL_TIME = text("localtime", LocalTime::parse);
  public static final Codec<LocalDateTime> LOCAL_DATE_TIME = text("localdatetime", LocalDateTime::parse);
  public static final Codec<OffsetDateTime> OFFSET_DATE_TIME = text("offsetdatetime", OffsetDateTime::parse);
  public static final Codec<ZonedDateTime> ZONED_DATE_TIME = text("zoneddatetime", ZonedDateTime::parse);
  public static final Codec<ZoneId> ZONE_ID = text("zoneid", ZoneId::of);
  public static final Codec<byte[]> BYTE_ARRAY = of("bytes", (v, out) -> out.writeBytes(v), CodecInput::readBytes);

  private Codecs() {}

  public static int fingerprint(Codec<?> codec) {
    return codec.shape().hashCode();
  }

  public static <T> Codec<T> nullable(Codec<T> codec) {
    return of("nullable<" + codec.shape() + ">", (v, out) -> {
      out.writeBoolean(v != null);
      if (v != null) {
        codec.encode(v, out);
      }
    }, in -> in.readBoolean() ? codec.decode(in) : null);
  }

  public static <T> Codec<Optional<T>> optional(Codec<T> codec) {
    return of("optional<" + codec.shape() + ">", (v, out) -> {
      out.writeBoolean(v.isPresent());
      v.ifPresent(present -> codec.encode(present, out));
    }, in -> in.readBoolean() ? Optional.of(codec.decode(in)) : Optional.empty());
  }

  public static <T> Codec<List<T>> list(Codec<T> codec) {
    return of("list<" + codec.shape() + ">", (v, out) -> {
      out.writeLength(v.size());
      v.forEach(element -> codec.encode(element, out));
    }, in -> {
      int size = in.readLength(1);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(codec.decode(in));
      }
      return Collections.unmodifiableList(values);
    });
  }

  public static <T> Codec<Set<T>> set(Codec<T> codec) {
    Codec<List<T>> list = list(codec);
    return of("set<" + codec.shape() + ">", (v, out) -> list.encode(new ArrayList<>(v), out),
        in -> Collections.unmodifiableSet(new LinkedHashSet<>(list.decode(in))));
  }

  public static <K, V> Codec<Map<K, V>> map(Codec<K> keys, Codec<V> values) {
    return of("map<" + keys.shape() + "," + values.shape() + ">", (v, out) -> {
      out.writeLength(v.size());
      v.forEach((key, value) -> {
        keys.encode(key, out);
        values.encode(value, out);
      });
    }, in -> {
      int size = in.readLength(2);
      Map<K, V> decoded = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        decoded.put(keys.decode(in), values.decode(in));
      }
      return Collections.unmodifiableMap(decoded);
    });
  }

  public static <E extends Enum<E>> Codec<E> enumByName(String typeName, E[] constants) {
    return of("enum " + typeName, (v, out) -> out.writeString(v.name()), in -> {
      String name = in.readString();
      for (E constant : constants) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
      throw new CodecException(typeName + " has no constant " + name);
    });
  }

  private static <T> Codec<T> text(String shape, Function<String, T> parse) {
    return of(shape, (v, out) -> out.writeString(v.toString()), in -> {
      String text = in.readString();
      try {
        return parse.apply(text);
      } catch (RuntimeException e) {
        throw new CodecException("not a " + shape + ": " + text);
      }
    });
  }

  private static <T> Codec<T> of(String shape, BiConsumer<T, CodecOutput> write, Function<CodecInput, T> read) {
    return new Codec<>() {
      @Override
      public void encode(T value, CodecOutput out) {
        write.accept(value, out);
      }

      @Override
      public T decode(CodecInput in) {
        return read.apply(in);
      }

      @Override
      public String shape() {
        return shape;
      }
    };
  }
}
