package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vela.codec.SampleTypes.Circle;
import dev.vela.codec.SampleTypes.Color;
import dev.vela.codec.SampleTypes.Shape;
import dev.vela.codec.SampleTypes.Square;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feeds each codec family a million inputs, valid encodings mutated the ways storage and networks
 * break bytes (flipped bits, truncation, inserted and deleted bytes, huge lengths, splices) plus
 * plain random bytes, and asserts that decoding either succeeds with a value that can be written
 * again or fails with a {@link CodecException}: never another exception, an overflow of the stack
 * or the heap, or a hang.
 */
class CodecFuzzTest {
  private static final int INPUTS_PER_FAMILY = 1_000_000;
  private static final int SEEDS_PER_CODEC = 64;
  private static final int WORKERS = 2;
  /** Far beyond the few seconds a family takes; only a decoder that loops or crawls reaches it. */
  private static final Duration ABSURD = Duration.ofSeconds(60);
  private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF, 0xC0, 0xED, 0xF4};

  enum Family {
    STRINGS(
        target(Codecs.STRING, RandomValues::aString),
        target(Codecs.nullable(Codecs.STRING), v -> v.chance(20) ? null : v.aString()),
        target(Codecs.BYTE_ARRAY, v -> v.bytes(40)),
        target(Codecs.UUID, RandomValues::aUuid),
        target(SampleTypes.COLOR, v -> v.pick(Color.values()))),
    NUMBERS(
        target(Codecs.BOOLEAN, v -> v.random().nextBoolean()),
        target(Codecs.BYTE, v -> (byte) v.anInt()),
        target(Codecs.SHORT, v -> (short) v.anInt()),
        target(Codecs.CHAR, RandomValues::aChar),
        target(Codecs.INT, RandomValues::anInt),
        target(Codecs.LONG, RandomValues::aLong),
        target(Codecs.FLOAT, RandomValues::aFloat),
        target(Codecs.DOUBLE, RandomValues::aDouble),
        target(Codecs.BIG_INTEGER, v -> v.chance(90) ? v.aBigInteger() : new java.math.BigInteger(64, v.random())),
        target(Codecs.BIG_DECIMAL, v -> new BigDecimal(new java.math.BigInteger(100, v.random()), v.nextInt(41) - 20))),
    TIME(
        target(Codecs.INSTANT, RandomValues::anInstant),
        target(Codecs.DURATION, RandomValues::aDuration),
        target(Codecs.LOCAL_DATE, RandomValues::aLocalDate),
        target(Codecs.LOCAL_TIME, RandomValues::aLocalTime),
        target(Codecs.LOCAL_DATE_TIME, RandomValues::aLocalDateTime),
        target(Codecs.OFFSET_TIME, RandomValues::anOffsetTime),
        target(Codecs.OFFSET_DATE_TIME, RandomValues::anOffsetDateTime),
        target(Codecs.ZONED_DATE_TIME, RandomValues::aZonedDateTime),
        target(Codecs.ZONE_ID, RandomValues::aZoneId),
        target(Codecs.ZONE_OFFSET, RandomValues::aZoneOffset),
        target(Codecs.YEAR, RandomValues::aYear),
        target(Codecs.YEAR_MONTH, RandomValues::aYearMonth),
        target(Codecs.MONTH_DAY, RandomValues::aMonthDay),
        target(Codecs.PERIOD, RandomValues::aPeriod)),
    COLLECTIONS(
        target(Codecs.list(Codecs.nullable(Codecs.STRING)), v -> v.listOf(6, w -> w.chance(20) ? null : w.aString())),
        target(Codecs.set(Codecs.INT), v -> new LinkedHashSet<>(v.listOf(6, RandomValues::anInt))),
        target(Codecs.map(Codecs.STRING, Codecs.nullable(Codecs.LONG)), CodecFuzzTest::randomMap),
        target(Codecs.optional(Codecs.INSTANT), v -> v.chance(30) ? Optional.empty() : Optional.of(v.anInstant())),
        target(Codecs.list(Codecs.list(Codecs.UUID)), v -> v.listOf(3, w -> w.listOf(3, RandomValues::aUuid))),
        target(Codecs.set(Codecs.nullable(Codecs.STRING)), v -> new LinkedHashSet<>(v.listOf(5, w -> w.chance(20) ? null : w.aString())))),
    NESTED(
        target(new SampleTypes.OrderCodec(), SampleTypes::randomOrder),
        target(SampleTypes.TreeCodec.INSTANCE, v -> SampleTypes.randomTree(v, 5)),
        target(Codecs.list(SampleTypes.SHAPE), v -> v.<Shape>listOf(4, w -> w.chance(50) ? new Circle(w.aDouble()) : new Square(w.aDouble()))),
        target(Codecs.optional(Codecs.list(Codecs.optional(Codecs.BIG_DECIMAL))),
            v -> Optional.of(v.listOf(4, w -> w.chance(30) ? Optional.empty() : Optional.of(w.aBigDecimal())))),
        target(Codecs.map(SampleTypes.COLOR, Codecs.list(new SampleTypes.LineItemCodec())), CodecFuzzTest::randomItemsByColor)),
    FRAMED(
        framed(new SampleTypes.OrderCodec(), SampleTypes::randomOrder),
        framed(Codecs.STRING, RandomValues::aString),
        framed(Codecs.list(Codecs.INT), v -> v.listOf(6, RandomValues::anInt)),
        framed(SampleTypes.TreeCodec.INSTANCE, v -> SampleTypes.randomTree(v, 4)),
        framed(Codecs.ZONED_DATE_TIME, RandomValues::aZonedDateTime));

    private final List<Target<?>> targets;

    Family(Target<?>... targets) {
      this.targets = List.of(targets);
    }
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void decodingAnyInputSucceedsOrThrowsOnlyCodecException(Family family) throws Exception {
    // two workers use both cores, and their short stacks keep each thrown exception cheap
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      long deadline = System.nanoTime() + ABSURD.toNanos();
      List<Future<Integer>> results = new ArrayList<>();
      for (int worker = 0; worker < WORKERS; worker++) {
        long seed = family.name().hashCode() * 31L + worker;
        results.add(workers.submit(() -> fuzz(family, seed, INPUTS_PER_FAMILY / WORKERS, deadline)));
      }
      int accepted = 0;
      for (Future<Integer> result : results) {
        try {
          accepted += result.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError failure) {
            throw failure; // the worker's own message names the codec and the input
          }
          throw e;
        }
      }
      // the mutations must leave some inputs valid and break most, or the test proves little
      assertThat(accepted).as("%s inputs decoded", family).isBetween(INPUTS_PER_FAMILY / 100, INPUTS_PER_FAMILY * 9 / 10);
    } finally {
      workers.shutdownNow();
    }
  }

  /** Decodes {@code count} inputs made from {@code seed}; returns how many held a value. */
  private static int fuzz(Family family, long seed, int count, long deadline) {
    RandomValues values = new RandomValues(seed);
    List<Seeded<?>> seeded = new ArrayList<>();
    for (Target<?> target : family.targets) {
      seeded.add(Seeded.of(target, values));
    }
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      Seeded<?> subject = seeded.get(values.nextInt(seeded.size()));
      byte[] input = values.chance(5) ? values.bytes(40) : mutate(subject.anySeed(values), seeded, values);
      if (subject.survives(input)) {
        accepted++;
      }
      if ((i & 0xFFF) == 0 && System.nanoTime() > deadline) {
        fail("%s: %d inputs took over %s; some decoder is far too slow", family, i, ABSURD);
      }
    }
    return accepted;
  }

  private static byte[] mutate(byte[] seed, List<Seeded<?>> seeded, RandomValues values) {
    byte[] bytes = seed;
    int mutations = 1 + values.nextInt(values.chance(80) ? 1 : 4);
    for (int m = 0; m < mutations; m++) {
      int at = bytes.length == 0 ? 0 : values.nextInt(bytes.length);
      switch (values.nextInt(8)) {
        case 0 -> {
          if (bytes.length > 0) {
            bytes = bytes.clone();
            bytes[at] ^= (byte) (1 << values.nextInt(8));
          }
        }
        case 1 -> bytes = Arrays.copyOf(bytes, at);
        case 2 -> bytes = splice(bytes, at, 0, new byte[] {(byte) values.nextInt(256)});
        case 3 -> bytes = bytes.length == 0 ? bytes : splice(bytes, at, 1, new byte[0]);
        case 4 -> {
          if (bytes.length > 0) {
            bytes = bytes.clone();
            bytes[at] = (byte) INTERESTING_BYTES[values.nextInt(INTERESTING_BYTES.length)];
          }
        }
        case 5 -> bytes = splice(bytes, at, Math.min(1, bytes.length - at), hugeLength(values));
        case 6 -> {
          int length = values.nextInt(bytes.length - at + 1);
          bytes = splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
        }
        default -> {
          byte[] other = seeded.get(values.nextInt(seeded.size())).anySeed(values);
          int from = values.nextInt(other.length + 1);
          bytes = splice(bytes, at, bytes.length - at, Arrays.copyOfRange(other, from, other.length));
        }
      }
    }
    return bytes;
  }

  /** A varint length far beyond any input: the classic way to make a decoder allocate gigabytes. */
  private static byte[] hugeLength(RandomValues values) {
    CodecOutput out = new CodecOutput();
    out.writeVarLong(values.pick(0x7FFF_FFFFL, 0xFFFF_FFFFL, 1L << 28, 1L << 40, Long.MAX_VALUE, -1L));
    return out.toByteArray();
  }

  private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
    byte[] result = new byte[bytes.length - removed + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
    return result;
  }

  /** A codec under test, its value generator, and whether its inputs are framed. */
  record Target<T>(Codec<T> codec, Function<RandomValues, T> generator, boolean framed) {}

  private static <T> Target<T> target(Codec<T> codec, Function<RandomValues, T> generator) {
    return new Target<>(codec, generator, false);
  }

  private static <T> Target<T> framed(Codec<T> codec, Function<RandomValues, T> generator) {
    return new Target<>(codec, generator, true);
  }

  /** A target with valid encodings of random values to mutate. */
  record Seeded<T>(Target<T> target, FramedCodec<T> framing, List<byte[]> seeds) {
    static <T> Seeded<T> of(Target<T> target, RandomValues values) {
      FramedCodec<T> framing = Codecs.framed(target.codec());
      List<byte[]> seeds = new ArrayList<>();
      for (int i = 0; i < SEEDS_PER_CODEC; i++) {
        T value = target.generator().apply(values);
        seeds.add(target.framed() ? framing.toBytes(value) : Codecs.encode(target.codec(), value));
      }
      return new Seeded<>(target, framing, seeds);
    }

    byte[] anySeed(RandomValues values) {
      return seeds.get(values.nextInt(seeds.size()));
    }

    /** Decodes {@code input}; true when it held a value, which must then encode and decode again. */
    boolean survives(byte[] input) {
      T value;
      try {
        value = target.framed() ? framing.fromBytes(input) : Codecs.decode(target.codec(), input);
      } catch (CodecException expected) {
        return false;
      } catch (Throwable unexpected) {
        throw new AssertionError(target.codec().shape() + " threw " + unexpected + " decoding "
            + HexFormat.of().formatHex(input), unexpected);
      }
      byte[] again = Codecs.encode(target.codec(), value);
      if (!Arrays.equals(Codecs.encode(target.codec(), Codecs.decode(target.codec(), again)), again)) {
        throw new AssertionError(target.codec().shape() + " does not read back what it wrote after decoding "
            + HexFormat.of().formatHex(input));
      }
      return true;
    }
  }

  private static Map<String, Long> randomMap(RandomValues values) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (String key : values.listOf(4, RandomValues::aString)) {
      map.put(key, values.chance(20) ? null : values.aLong());
    }
    return map;
  }

  private static Map<Color, List<SampleTypes.LineItem>> randomItemsByColor(RandomValues values) {
    Map<Color, List<SampleTypes.LineItem>> map = new LinkedHashMap<>();
    for (Color color : values.listOf(3, v -> v.pick(Color.values()))) {
      map.put(color, values.listOf(3, v -> new SampleTypes.LineItem(v.aString(), v.nextInt(50), v.aBigDecimal())));
    }
    return map;
  }
}
