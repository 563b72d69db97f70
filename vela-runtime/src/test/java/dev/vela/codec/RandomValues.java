package dev.vela.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seeded random values of every supported type, leaning towards the edges (zero, extremes, NaN,
 * -0.0, the first and last dates, surrogates) where encodings tend to break.
 */
final class RandomValues {
  private static final List<String> ZONES = List.of(
      "Z", "UTC", "GMT", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
      "Pacific/Chatham", "+05:45", "-09:30", "+18:00", "-18:00", "UTC+01:00", "GMT-03:00", "Etc/GMT+12");

  private final Random random;

  RandomValues(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  int anInt() {
    return switch (random.nextInt(6)) {
      case 0 -> pick(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 63, -64, 64, -65);
      case 1 -> random.nextInt(256) - 128;
      case 2 -> random.nextInt(1 << 16) - (1 << 15);
      default -> random.nextInt();
    };
  }

  long aLong() {
    return switch (random.nextInt(6)) {
      case 0 -> pick(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MIN_VALUE - 1, 1L << 56);
      case 1 -> random.nextInt(1000) - 500;
      case 2 -> random.nextLong() >> random.nextInt(64);
      default -> random.nextLong();
    };
  }

  double aDouble() {
    return switch (random.nextInt(5)) {
      case 0 -> pick(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, Math.PI);
      case 1 -> Double.longBitsToDouble(random.nextLong()); // includes NaNs with payloads
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    };
  }

  float aFloat() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE, Float.MAX_VALUE);
      case 1 -> Float.intBitsToFloat(random.nextInt());
      default -> (random.nextFloat() - 0.5f) * 1000;
    };
  }

  char aChar() {
    return chance(30) ? (char) random.nextInt(128) : (char) random.nextInt(Character.MAX_VALUE + 1);
  }

  /** ASCII, Latin, CJK, emoji (surrogate pairs), and now and then an unpaired surrogate. */
  String aString() {
    int length = chance(10) ? 0 : chance(80) ? random.nextInt(12) : random.nextInt(300);
    StringBuilder text = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0, 1, 2 -> text.append((char) (' ' + random.nextInt(95)));
        case 3 -> text.append((char) (0x80 + random.nextInt(0x780))); // 2-byte UTF-8
        case 4 -> text.append((char) (0x4E00 + random.nextInt(0x5000))); // CJK, 3-byte
        case 5 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji, surrogate pair
        case 6 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // any supplementary
        default -> text.append(chance(90) ? (char) random.nextInt(0x80) : (char) (0xD800 + random.nextInt(0x800)));
      }
    }
    return text.toString();
  }

  /** A string that is valid Unicode: surrogates only in pairs. */
  String aValidString() {
    String text = aString();
    StringBuilder valid = new StringBuilder(text.length());
    text.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF).forEach(valid::appendCodePoint);
    return valid.toString();
  }

  byte[] bytes(int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  UUID aUuid() {
    return chance(5) ? new UUID(0, 0) : new UUID(random.nextLong(), random.nextLong());
  }

  BigInteger aBigInteger() {
    return switch (random.nextInt(5)) {
      case 0 -> pick(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE),
          BigInteger.valueOf(128), BigInteger.valueOf(-129), BigInteger.valueOf(255), BigInteger.valueOf(-256));
      case 1 -> new BigInteger(random.nextInt(20_000), random).negate(); // huge
      default -> new BigInteger(random.nextInt(200), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
    };
  }

  BigDecimal aBigDecimal() {
    int scale = chance(10) ? pick(BigNumberCodecs.MAX_SCALE, -BigNumberCodecs.MAX_SCALE, 0) : random.nextInt(41) - 20;
    return new BigDecimal(aBigInteger(), scale);
  }

  Instant anInstant() {
    return chance(10) ? pick(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999))
        : Instant.ofEpochSecond(between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()), nanos());
  }

  Duration aDuration() {
    return chance(10) ? pick(Duration.ZERO, Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))
        : Duration.ofSeconds(aLong(), nanos());
  }

  LocalDate aLocalDate() {
    return chance(10) ? pick(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(2024, 2, 29))
        : LocalDate.ofEpochDay(between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()));
  }

  LocalTime aLocalTime() {
    return chance(10) ? pick(LocalTime.MIN, LocalTime.MAX, LocalTime.NOON)
        : LocalTime.ofNanoOfDay(between(0, ChronoField.NANO_OF_DAY.range().getMaximum()));
  }

  LocalDateTime aLocalDateTime() {
    return chance(5) ? pick(LocalDateTime.MIN, LocalDateTime.MAX) : LocalDateTime.of(aLocalDate(), aLocalTime());
  }

  ZoneOffset aZoneOffset() {
    return chance(10) ? pick(ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.UTC) : ZoneOffset.ofTotalSeconds(random.nextInt(36 * 3600 + 1) - 18 * 3600);
  }

  ZoneId aZoneId() {
    return chance(30) ? aZoneOffset() : ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
  }

  OffsetTime anOffsetTime() {
    return OffsetTime.of(aLocalTime(), aZoneOffset());
  }

  OffsetDateTime anOffsetDateTime() {
    return OffsetDateTime.of(aLocalDateTime(), aZoneOffset());
  }

  /** Within years 1..9999, away from the ends where a zone's offset would leave the supported range. */
  ZonedDateTime aZonedDateTime() {
    LocalDate date = LocalDate.ofEpochDay(between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay()));
    return ZonedDateTime.of(LocalDateTime.of(date, aLocalTime()), aZoneId());
  }

  Year aYear() {
    return Year.of((int) between(Year.MIN_VALUE, Year.MAX_VALUE));
  }

  YearMonth aYearMonth() {
    return YearMonth.of(aYear().getValue(), 1 + random.nextInt(12));
  }

  MonthDay aMonthDay() {
    LocalDate date = LocalDate.ofYearDay(2024, 1 + random.nextInt(366)); // a leap year, so Feb 29 too
    return MonthDay.of(date.getMonth(), date.getDayOfMonth());
  }

  Period aPeriod() {
    return Period.of(anInt(), anInt(), anInt());
  }

  /** A list of 0 to {@code max} values from {@code element}, empty now and then. */
  <T> List<T> listOf(int max, Function<RandomValues, T> element) {
    int size = chance(15) ? 0 : random.nextInt(max + 1);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(this));
    }
    return list;
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private int nanos() {
    return chance(30) ? 0 : random.nextInt(1_000_000_000);
  }

  private long between(long min, long max) {
    return min + (long) (random.nextDouble() * (max - min));
  }
}
