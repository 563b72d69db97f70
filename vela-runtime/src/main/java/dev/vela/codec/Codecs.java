package dev.vela.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The built-in codecs, the combinators that generated codecs are made of, and the framing of
 * stored values. Generated code reads like the type it encodes:
 *
 * <pre>{@code
 * Codecs.list(Codecs.nullable(Codecs.STRING))          // List<String> that may hold nulls
 * Codecs.map(Codecs.STRING, Codecs.INT)                // Map<String, Integer>
 * Codecs.enumByName("com.acme.Color", Color.values())  // Color, by constant name
 * }</pre>
 *
 * <p>Each codec's {@link Codec#shape() shape} is canonical and built from its parts: {@code int},
 * {@code string}, {@code list<nullable<string>>}, {@code map<string,int>}, {@code enum
 * com.acme.Color}. Primitive types and their boxes share one codec. Codecs never accept null
 * except through {@link #nullable(Codec)}. Decoders never trust their input: every problem, from
 * truncation to a day 31 of February or a length of two billion, is a {@link CodecException}.
 */
public final class Codecs {
  /** {@code boolean}: one byte, 0 or 1. */
  public static final Codec<Boolean> BOOLEAN = PrimitiveCodecs.BOOLEAN;
  /** {@code byte}: one byte. */
  public static final Codec<Byte> BYTE = PrimitiveCodecs.BYTE;
  /** {@code short}: a zig-zag varint of 1 to 3 bytes. */
  public static final Codec<Short> SHORT = PrimitiveCodecs.SHORT;
  /** {@code char}: its UTF-16 code unit as a varint of 1 to 3 bytes. */
  public static final Codec<Character> CHAR = PrimitiveCodecs.CHAR;
  /** {@code int}: a zig-zag varint of 1 to 5 bytes. */
  public static final Codec<Integer> INT = PrimitiveCodecs.INT;
  /** {@code long}: a zig-zag varint of 1 to 10 bytes. */
  public static final Codec<Long> LONG = PrimitiveCodecs.LONG;
  /** {@code float}: 4 bytes of IEEE bits; NaN is written canonical. */
  public static final Codec<Float> FLOAT = PrimitiveCodecs.FLOAT;
  /** {@code double}: 8 bytes of IEEE bits; NaN is written canonical. */
  public static final Codec<Double> DOUBLE = PrimitiveCodecs.DOUBLE;

  /** {@code string}: UTF-8 with its length first; unpaired surrogates survive (see {@link CodecOutput#writeString}). */
  public static final Codec<String> STRING = BinaryCodecs.STRING;
  /** {@code uuid}: 16 bytes. */
  public static final Codec<UUID> UUID = BinaryCodecs.UUID_CODEC;
  /** {@code bytes}: a {@code byte[]}, its length first; each decode returns a new array. */
  public static final Codec<byte[]> BYTE_ARRAY = BinaryCodecs.BYTE_ARRAY;

  /** {@code biginteger}: its two's-complement bytes, length first. */
  public static final Codec<BigInteger> BIG_INTEGER = BigNumberCodecs.BIG_INTEGER;
  /**
   * {@code bigdecimal}: scale, then unscaled value. The scale must lie within ±10,000, which keeps
   * a decoded value from costing gigabytes in a later {@code toPlainString()}; encoding a value
   * outside it throws {@link IllegalArgumentException}.
   */
  public static final Codec<BigDecimal> BIG_DECIMAL = BigNumberCodecs.BIG_DECIMAL;

  /** {@code instant}: epoch seconds and nanoseconds. */
  public static final Codec<Instant> INSTANT = TimeCodecs.INSTANT;
  /** {@code duration}: seconds and nanoseconds. */
  public static final Codec<Duration> DURATION = TimeCodecs.DURATION;
  /** {@code localdate}: the epoch day. */
  public static final Codec<LocalDate> LOCAL_DATE = TimeCodecs.LOCAL_DATE;
  /** {@code localtime}: the nanosecond of the day. */
  public static final Codec<LocalTime> LOCAL_TIME = TimeCodecs.LOCAL_TIME;
  /** {@code localdatetime}: epoch day, then nanosecond of the day. */
  public static final Codec<LocalDateTime> LOCAL_DATE_TIME = TimeCodecs.LOCAL_DATE_TIME;
  /** {@code offsettime}: the local time, then the offset in seconds. */
  public static final Codec<OffsetTime> OFFSET_TIME = TimeCodecs.OFFSET_TIME;
  /** {@code offsetdatetime}: the local date-time, then the offset in seconds. */
  public static final Codec<OffsetDateTime> OFFSET_DATE_TIME = TimeCodecs.OFFSET_DATE_TIME;
  /**
   * {@code zoneddatetime}: the local date-time, the offset and the zone id; decoding keeps the
   * instant even when the zone's rules have changed since.
   */
  public static final Codec<ZonedDateTime> ZONED_DATE_TIME = TimeCodecs.ZONED_DATE_TIME;
  /** {@code zoneid}: a region or an offset, by its id; a region this JVM does not know is a decode error. */
  public static final Codec<ZoneId> ZONE_ID = TimeCodecs.ZONE_ID;
  /** {@code zoneoffset}: total seconds. */
  public static final Codec<ZoneOffset> ZONE_OFFSET = TimeCodecs.ZONE_OFFSET;
  /** {@code year}. */
  public static final Codec<Year> YEAR = TimeCodecs.YEAR;
  /** {@code yearmonth}. */
  public static final Codec<YearMonth> YEAR_MONTH = TimeCodecs.YEAR_MONTH;
  /** {@code monthday}. */
  public static final Codec<MonthDay> MONTH_DAY = TimeCodecs.MONTH_DAY;
  /** {@code period}: years, months and days. */
  public static final Codec<Period> PERIOD = TimeCodecs.PERIOD;

  private Codecs() {}

  /**
   * Null or a value of {@code codec}, shape {@code nullable<...>}: one presence byte, then the
   * value. Wrapping twice changes nothing.
   */
  public static <T> Codec<T> nullable(Codec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    return codec instanceof NullableCodec ? codec : new NullableCodec<>(codec);
  }

  /** An {@link Optional} of {@code codec}'s values, shape {@code optional<...>}. */
  public static <T> Codec<Optional<T>> optional(Codec<T> codec) {
    return new OptionalCodec<>(Objects.requireNonNull(codec, "codec"));
  }

  /**
   * A {@link List}, shape {@code list<...>}. Decodes to an unmodifiable list in the written order;
   * it holds nulls when the element codec is {@link #nullable} (unlike {@code List.of}).
   */
  public static <E> Codec<List<E>> list(Codec<E> element) {
    return new ListCodec<>(Objects.requireNonNull(element, "element codec"));
  }

  /**
   * A {@link Set}, shape {@code set<...>}, written in the set's iteration order. Decodes to an
   * unmodifiable, {@link java.util.LinkedHashSet}-backed set in that same order, holding a null
   * when the element codec is {@link #nullable}; a repeated element is a decode error.
   */
  public static <E> Codec<Set<E>> set(Codec<E> element) {
    return new SetCodec<>(Objects.requireNonNull(element, "element codec"));
  }

  /**
   * A {@link Map}, shape {@code map<K,V>}, written in the map's iteration order. Decodes to an
   * unmodifiable, {@link java.util.LinkedHashMap}-backed map in that same order; a repeated key is
   * a decode error.
   */
  public static <K, V> Codec<Map<K, V>> map(Codec<K> key, Codec<V> value) {
    return new MapCodec<>(Objects.requireNonNull(key, "key codec"), Objects.requireNonNull(value, "value codec"));
  }

  /**
   * The constants of enum {@code typeName} by name, shape {@code enum <typeName>}: adding or
   * reordering constants keeps old bytes readable, and a name that is gone is a decode error.
   *
   * @param typeName the enum's canonical name, such as {@code com.acme.Color}
   * @param constants its constants, {@code Color.values()}
   */
  public static <E extends Enum<E>> Codec<E> enumByName(String typeName, E[] constants) {
    requireTypeName(typeName);
    Objects.requireNonNull(constants, "constants");
    return new EnumByNameCodec<>(typeName, constants);
  }

  /** A variant of a sealed type for {@link #sealed}: {@code tag} names it in the bytes. */
  public static <S> SealedVariant<S> variant(String tag, Class<S> type, Codec<S> codec) {
    return new SealedVariant<>(tag, type, codec);
  }

  /**
   * The values of sealed type {@code typeName}: the tag of the value's variant as a string, then the
   * value by that variant's codec. Shape {@code sealed <typeName>{tag=shape,...}}, sorted by tag.
   *
   * <pre>{@code
   * Codecs.sealed("com.acme.Shape",
   *     Codecs.variant("Circle", Shape.Circle.class, new VelaCodec_Shape_Circle()),
   *     Codecs.variant("Square", Shape.Square.class, new VelaCodec_Shape_Square()))
   * }</pre>
   *
   * @throws IllegalArgumentException when there is no variant or two share a tag
   */
  @SafeVarargs
  public static <T> Codec<T> sealed(String typeName, SealedVariant<? extends T>... variants) {
    requireTypeName(typeName);
    Objects.requireNonNull(variants, "variants");
    if (variants.length == 0) {
      throw new IllegalArgumentException("sealed type " + typeName + " needs at least one variant");
    }
    List<SealedVariant<? extends T>> copy = new ArrayList<>(variants.length);
    for (SealedVariant<? extends T> variant : variants) {
      copy.add(Objects.requireNonNull(variant, () -> "a variant of sealed type " + typeName + " is null"));
    }
    return new SealedCodec<>(typeName, copy);
  }

  /**
   * A codec that gets the real one from {@code supplier} on first use, for recursive types whose
   * codec must refer to itself. Its shape is the real codec's, so somewhere in the cycle a codec
   * must name the type instead of spelling out its parts again, as generated record codecs do.
   */
  public static <T> Codec<T> lazy(Supplier<? extends Codec<T>> supplier) {
    return new LazyCodec<>(Objects.requireNonNull(supplier, "supplier"));
  }

  /**
   * A 32-bit fingerprint of {@code codec}'s shape, stored with encoded values so that bytes of
   * another shape are recognised on decode: the low 32 bits of {@link StableHash#hash64} of the
   * shape's UTF-8 bytes, so it is the same on every JVM.
   */
  public static int fingerprint(Codec<?> codec) {
    return (int) StableHash.hash64(codec.shape().getBytes(StandardCharsets.UTF_8));
  }

  /** Stored values of {@code codec}: a fingerprint of its shape, then the value. */
  public static <T> FramedCodec<T> framed(Codec<T> codec) {
    return FramedCodec.of(codec);
  }

  /**
   * The 4-byte shape fingerprint, then {@code value}. For many values of one codec, keep a {@link
   * #framed(Codec)} instead, which computes the fingerprint once.
   */
  public static <T> byte[] toBytes(Codec<T> codec, T value) {
    return framed(codec).toBytes(value);
  }

  /**
   * Reads bytes written by {@link #toBytes}.
   *
   * @throws ShapeMismatchException when another shape of the type wrote them
   * @throws CodecException when they are not a valid encoding, or hold more than one value
   */
  public static <T> T fromBytes(Codec<T> codec, byte[] bytes) {
    return framed(codec).fromBytes(bytes);
  }

  /**
   * The encoding of {@code value} alone, without a fingerprint: the bytes of a key that {@link
   * StableHash} hashes, and that travel where both sides know the codec. {@code value} may be null
   * only for a {@link #nullable} codec.
   */
  public static <T> byte[] encode(Codec<T> codec, T value) {
    Objects.requireNonNull(codec, "codec");
    Elements.requireWritable(codec, value);
    CodecOutput out = new CodecOutput();
    codec.encode(value, out);
    return out.toByteArray();
  }

  /**
   * Reads bytes written by {@link #encode}; the value must fill them.
   *
   * @throws CodecException when they are not a valid encoding, for any reason
   */
  public static <T> T decode(Codec<T> codec, byte[] bytes) {
    Objects.requireNonNull(codec, "codec");
    return decodeAll(codec, new CodecInput(bytes));
  }

  /**
   * Decodes one value that must fill the rest of {@code in}. A codec that breaks its contract by
   * throwing something other than {@link CodecException} on bad bytes (a user codec's {@code
   * NullPointerException}, say) still yields a {@code CodecException}, so callers count a miss
   * instead of failing.
   */
  static <T> T decodeAll(Codec<T> codec, CodecInput in) {
    T value;
    try {
      value = codec.decode(in);
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException(codec.shape() + " could not read its bytes: " + e, e);
    }
    in.requireEnd();
    return value;
  }

  private static void requireTypeName(String typeName) {
    Objects.requireNonNull(typeName, "typeName");
    if (typeName.isBlank()) {
      throw new IllegalArgumentException("typeName must name the type, such as com.acme.Color; it was blank");
    }
  }
}
