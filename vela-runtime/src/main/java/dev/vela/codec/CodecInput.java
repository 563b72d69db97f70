package dev.vela.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads what a {@link CodecOutput} wrote, from bytes that may be corrupt or hostile. Every length
 * is checked against the bytes that remain before anything is allocated, and nesting is limited
 * by {@link #enter()}, so a bad input ends in a {@link CodecException}, never in an {@code
 * OutOfMemoryError}, a {@code StackOverflowError} or a wrong value.
 */
public final class CodecInput {
  /** How deeply values may nest (records in lists in maps ...) before decoding gives up. */
  public static final int MAX_DEPTH = 64;

  private final byte[] bytes;
  private final int limit;
  private int position;
  private int depth;

  /** Reads {@code bytes} from {@code offset} to {@code offset + length}. */
  public CodecInput(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes");
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length + " do not fit " + bytes.length + " bytes");
    }
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  /** Reads all of {@code bytes}. */
  public CodecInput(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** The bytes not read yet. */
  public int remaining() {
    return limit - position;
  }

  /** Reads one byte, as 0..255. */
  public int readUnsignedByte() {
    require(1);
    return bytes[position++] & 0xFF;
  }

  /** Reads a boolean written as 0 or 1; any other byte is an error. */
  public boolean readBoolean() {
    int value = readUnsignedByte();
    if (value > 1) {
      throw new CodecException("expected a boolean (0 or 1), found " + value);
    }
    return value == 1;
  }

  /** Reads 4 bytes, little-endian. */
  public int readInt() {
    require(4);
    int value = (bytes[position] & 0xFF)
        | (bytes[position + 1] & 0xFF) << 8
        | (bytes[position + 2] & 0xFF) << 16
        | (bytes[position + 3] & 0xFF) << 24;
    position += 4;
    return value;
  }

  /** Reads 8 bytes, little-endian. */
  public long readLong() {
    require(8);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[position + i] & 0xFF);
    }
    position += 8;
    return value;
  }

  /** Reads an unsigned varint of at most 5 bytes that fits 32 bits. */
  public int readVarInt() {
    long value = readVarLong();
    if ((value & ~0xFFFFFFFFL) != 0) {
      throw new CodecException("varint " + Long.toUnsignedString(value) + " does not fit 32 bits");
    }
    return (int) value;
  }

  /** Reads an unsigned varint of at most 10 bytes. */
  public long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readUnsignedByte();
      if (shift == 63 && (b & 0xFE) != 0) {
        throw new CodecException("varint longer than 64 bits");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new CodecException("varint longer than 10 bytes");
  }

  /** Reads a zig-zag varint written by {@link CodecOutput#writeZigZagLong(long)}. */
  public long readZigZagLong() {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Reads a zig-zag varint written by {@link CodecOutput#writeZigZagInt(int)}; it must fit 32 bits. */
  public int readZigZagInt() {
    long value = readZigZagLong();
    if (value != (int) value) {
      throw new CodecException("expected a 32-bit integer, found " + value);
    }
    return (int) value;
  }

  /**
   * Reads a length and checks that at least {@code length * minBytesPerItem} bytes remain, so a
   * corrupt length cannot make the caller allocate more than the input could hold.
   */
  public int readLength(int minBytesPerItem) {
    int length = readVarInt();
    if (length < 0 || (minBytesPerItem > 0 && (long) length * minBytesPerItem > remaining())) {
      throw new CodecException(
          "length " + Integer.toUnsignedString(length) + " is more than the " + remaining() + " bytes that remain allow");
    }
    return length;
  }

  /** Reads a length and that many bytes. */
  public byte[] readBytes() {
    int length = readLength(1);
    byte[] value = new byte[length];
    System.arraycopy(bytes, position, value, 0, length);
    position += length;
    return value;
  }

  /**
   * Reads what {@link CodecOutput#writeSized} wrote: a length, then a value of {@code codec} that
   * must fill that many bytes, decoded where it lies; the same as {@code Codecs.decode(codec,
   * readBytes())} without the copy. The value's bytes are read past even when they do not decode.
   *
   * @throws CodecException when they are not a valid encoding, for any reason
   */
  public <T> T readSized(Codec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    return Codecs.decodeAll(codec, readSizedInput());
  }

  /**
   * Reads a length and returns an input over that many bytes, which this one moves past: what
   * {@link #readBytes} would return, read where it lies instead of copied.
   */
  public CodecInput readSizedInput() {
    int length = readLength(1);
    return new CodecInput(bytes, skip(length), length);
  }

  /** Moves past {@code length} bytes, which must remain; returns where they start in {@link #array()}. */
  int skip(int length) {
    require(length);
    int start = position;
    position += length;
    return start;
  }

  /** The array read from, for this package's readers that copy nothing. */
  byte[] array() {
    return bytes;
  }

  /**
   * Reads a string written by {@link CodecOutput#writeString(String)}; malformed UTF-8 is an
   * error.
   */
  public String readString() {
    int length = readLength(1);
    boolean ascii = true;
    for (int i = position; i < position + length; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    String value = ascii
        ? new String(bytes, position, length, StandardCharsets.ISO_8859_1)
        : Utf8.decode(bytes, position, length);
    position += length;
    return value;
  }

  /** Marks the start of a nested value; call {@link #exit()} when it is read. */
  public void enter() {
    if (++depth > MAX_DEPTH) {
      throw new CodecException("values nest deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** Marks the end of a nested value begun with {@link #enter()}. */
  public void exit() {
    depth--;
  }

  /** Checks that every byte was read; trailing bytes mean the input was not one value. */
  public void requireEnd() {
    if (position != limit) {
      throw new CodecException((limit - position) + " bytes left over after the value");
    }
  }

  private void require(int count) {
    if (limit - position < count) {
      throw new CodecException("input ends early: needed " + count + " more bytes, " + (limit - position) + " remain");
    }
  }
}
