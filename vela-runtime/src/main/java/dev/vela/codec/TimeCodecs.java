package dev.vela.codec;

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

/**
 * Codecs of the {@code java.time} values, each from the fields that define it: an instant or a
 * duration as seconds (zig-zag varint) and nanoseconds (varint), a date as its epoch day, a time
 * as its nanosecond of the day, an offset as its total seconds, a zone as its id. Out-of-range
 * fields, which the JDK factories refuse, are decode errors; nanoseconds past a second are refused
 * too rather than carried over, so each value has one encoding.
 */
final class TimeCodecs {
  private static final int NANOS_PER_SECOND = 1_000_000_000;

  static final Codec<Instant> INSTANT = new ScalarCodec<>("instant",
      (value, out) -> writeSecondsAndNanos(value.getEpochSecond(), value.getNano(), out),
      in -> Instant.ofEpochSecond(in.readZigZagLong(), readNanos(in)));

  static final Codec<Duration> DURATION = new ScalarCodec<>("duration",
      (value, out) -> writeSecondsAndNanos(value.getSeconds(), value.getNano(), out),
      in -> Duration.ofSeconds(in.readZigZagLong(), readNanos(in)));

  static final Codec<LocalDate> LOCAL_DATE = new ScalarCodec<>("localdate",
      TimeCodecs::writeDate, TimeCodecs::readDate);

  static final Codec<LocalTime> LOCAL_TIME = new ScalarCodec<>("localtime",
      TimeCodecs::writeTime, TimeCodecs::readTime);

  static final Codec<LocalDateTime> LOCAL_DATE_TIME = new ScalarCodec<>("localdatetime",
      TimeCodecs::writeDateTime, TimeCodecs::readDateTime);

  static final Codec<ZoneOffset> ZONE_OFFSET = new ScalarCodec<>("zoneoffset",
      TimeCodecs::writeOffset, TimeCodecs::readOffset);

  /** A region ({@code Europe/Paris}) or an offset ({@code +02:00}, {@code Z}), by its id. */
  static final Codec<ZoneId> ZONE_ID = new ScalarCodec<>("zoneid",
      (value, out) -> out.writeString(value.getId()), in -> ZoneId.of(in.readString()));

  static final Codec<OffsetTime> OFFSET_TIME = new ScalarCodec<>("offsettime",
      (value, out) -> {
        writeTime(value.toLocalTime(), out);
        writeOffset(value.getOffset(), out);
      },
      in -> OffsetTime.of(readTime(in), readOffset(in)));

  static final Codec<OffsetDateTime> OFFSET_DATE_TIME = new ScalarCodec<>("offsetdatetime",
      (value, out) -> {
        writeDateTime(value.toLocalDateTime(), out);
        writeOffset(value.getOffset(), out);
      },
      in -> OffsetDateTime.of(readDateTime(in), readOffset(in)));

  /**
   * The local date-time, the offset and the zone id. Decoding keeps the instant that date-time and
   * offset name, so a value stays the same moment even if the zone's rules changed in between.
   */
  static final Codec<ZonedDateTime> ZONED_DATE_TIME = new ScalarCodec<>("zoneddatetime",
      (value, out) -> {
        writeDateTime(value.toLocalDateTime(), out);
        writeOffset(value.getOffset(), out);
        out.writeString(value.getZone().getId());
      },
      in -> ZonedDateTime.ofInstant(readDateTime(in), readOffset(in), ZoneId.of(in.readString())));

  static final Codec<Year> YEAR = new ScalarCodec<>("year",
      (value, out) -> out.writeZigZagInt(value.getValue()), in -> Year.of(in.readZigZagInt()));

  static final Codec<YearMonth> YEAR_MONTH = new ScalarCodec<>("yearmonth",
      (value, out) -> {
        out.writeZigZagInt(value.getYear());
        out.writeByte(value.getMonthValue());
      },
      in -> YearMonth.of(in.readZigZagInt(), in.readUnsignedByte()));

  static final Codec<MonthDay> MONTH_DAY = new ScalarCodec<>("monthday",
      (value, out) -> {
        out.writeByte(value.getMonthValue());
        out.writeByte(value.getDayOfMonth());
      },
      in -> MonthDay.of(in.readUnsignedByte(), in.readUnsignedByte()));

  static final Codec<Period> PERIOD = new ScalarCodec<>("period",
      (value, out) -> {
        out.writeZigZagInt(value.getYears());
        out.writeZigZagInt(value.getMonths());
        out.writeZigZagInt(value.getDays());
      },
      in -> Period.of(in.readZigZagInt(), in.readZigZagInt(), in.readZigZagInt()));

  private TimeCodecs() {}

  private static void writeSecondsAndNanos(long seconds, int nanos, CodecOutput out) {
    out.writeZigZagLong(seconds);
    out.writeVarInt(nanos);
  }

  private static int readNanos(CodecInput in) {
    int nanos = in.readVarInt();
    if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
      throw new CodecException("nanoseconds " + Integer.toUnsignedString(nanos) + " are not within 0 to 999999999");
    }
    return nanos;
  }

  private static void writeDate(LocalDate value, CodecOutput out) {
    out.writeZigZagLong(value.toEpochDay());
  }

  private static LocalDate readDate(CodecInput in) {
    return LocalDate.ofEpochDay(in.readZigZagLong());
  }

  private static void writeTime(LocalTime value, CodecOutput out) {
    out.writeVarLong(value.toNanoOfDay());
  }

  private static LocalTime readTime(CodecInput in) {
    return LocalTime.ofNanoOfDay(in.readVarLong());
  }

  private static void writeDateTime(LocalDateTime value, CodecOutput out) {
    writeDate(value.toLocalDate(), out);
    writeTime(value.toLocalTime(), out);
  }

  private static LocalDateTime readDateTime(CodecInput in) {
    return LocalDateTime.of(readDate(in), readTime(in));
  }

  private static void writeOffset(ZoneOffset value, CodecOutput out) {
    out.writeZigZagInt(value.getTotalSeconds());
  }

  private static ZoneOffset readOffset(CodecInput in) {
    return ZoneOffset.ofTotalSeconds(in.readZigZagInt());
  }
}
