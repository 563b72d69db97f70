package dev.vela.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte buffer that codecs write to. Integers are written as little-endian fixed width
 * or as unsigned LEB128 varints ({@link #writeVarLong}, {@link #writeVarInt}); lengths are varints.
 * Not thread-safe: one output per encoding.
 */
public final class CodecOutput {
  private byte[] buffer;
  private int position;

  /** An empty output with room for {@code initialCapacity} bytes before it grows. */
  public CodecOutput(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** An empty output with a small initial buffer. */
  public CodecOutput() {
    this(64);
  }

  /** Writes one byte. */
  public void writeByte(int value) {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  /** Writes {@code true} as 1 and {@code false} as 0. */
  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Writes 4 bytes, little-endian. */
  public void writeInt(int value) {
    ensure(4);
    buffer[position] = (byte) value;
    buffer[position + 1] = (byte) (value >>> 8);
    buffer[position + 2] = (byte) (value >>> 16);
    buffer[position + 3] = (byte) (value >>> 24);
    position += 4;
  }

  /** Writes 8 bytes, little-endian. */
  public void writeLong(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[position + i] = (byte) (value >>> (8 * i));
    }
    position += 8;
  }

  /** Writes an unsigned varint: 1 byte for 0..127, up to 5 bytes. Negative values take 5 bytes. */
  public void writeVarInt(int value) {
    writeVarLong(value & 0xFFFFFFFFL);
  }

  /** Writes an unsigned varint of up to 10 bytes. */
  public void writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  /** Writes a signed value as a zig-zag varint, so small negative numbers stay short. */
  public void writeZigZagLong(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  /** Writes a signed int as a zig-zag varint; the same bytes as {@link #writeZigZagLong(long)}. */
  public void writeZigZagInt(int value) {
    writeZigZagLong(value);
  }

  /** Writes a length (a non-negative varint). */
  public void writeLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, was " + length);
    }
    writeVarInt(length);
  }

  /** Writes the bytes of {@code value} as they are, with no length. */
  public void writeRaw(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, buffer, position, length);
    position += length;
  }

  /** Writes a length, then the bytes. */
  public void writeBytes(byte[] value) {
    writeLength(value.length);
    writeRaw(value, 0, value.length);
  }

  /**
   * Writes a length, then {@code codec}'s encoding of {@code value}: the same bytes as {@code
   * writeBytes(Codecs.encode(codec, value))}, encoded in place instead of into an array of their own.
   * When the codec fails, nothing of the value stays written.
   */
  public <T> void writeSized(Codec<T> codec, T value) {
    Objects.requireNonNull(codec, "codec");
    writeSized(codec, value, false, 0);
  }

  /** As {@link #writeSized(Codec, Object)}, with {@code fingerprint} before the value: {@link FramedCodec}'s form. */
  <T> void writeSizedFramed(Codec<T> codec, T value, int fingerprint) {
    writeSized(codec, value, true, fingerprint);
  }

  private <T> void writeSized(Codec<T> codec, T value, boolean framed, int fingerprint) {
    Elements.requireWritable(codec, value);
    ensure(1);
    int start = ++position; // a byte for the length, which most values need alone
    try {
      if (framed) {
        writeInt(fingerprint);
      }
      codec.encode(value, this);
    } catch (RuntimeException e) {
      position = start - 1; // nothing of the value stays written, its length byte included
      throw e;
    }
    writeLengthBefore(start);
  }

  /** Writes the length of what was written from {@code start} on into the byte reserved before it. */
  private void writeLengthBefore(int start) {
    int length = position - start;
    int lengthBytes = 1;
    for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
      lengthBytes++;
    }
    if (lengthBytes > 1) { // rare: 128 bytes or more; the value moves up to make room
      ensure(lengthBytes - 1);
      System.arraycopy(buffer, start, buffer, start + lengthBytes - 1, length);
      position += lengthBytes - 1;
    }
    int at = start - 1;
    int value = length;
    while ((value & ~0x7F) != 0) {
      buffer[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[at] = (byte) value;
  }

  /**
   * The buffer itself, whose first {@link #size()} bytes were written: for this package's readers
   * that copy nothing.
   */
  byte[] buffer() {
    return buffer;
  }

  /**
   * Writes a string as its UTF-8 byte length, then its UTF-8 bytes. Every string round-trips
   * exactly: an unpaired surrogate, which UTF-8 has no form for, is written in the 3-byte form of
   * its code unit instead of being replaced.
   */
  public void writeString(String value) {
    int length = value.length();
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      writeLength(length);
      ensure(length);
      for (int i = 0; i < length; i++) {
        buffer[position + i] = (byte) value.charAt(i);
      }
      position += length;
    } else {
      long encodedLength = Utf8.encodedLength(value);
      if (encodedLength > Integer.MAX_VALUE) {
        throw new CodecException("a string of " + length + " chars is " + encodedLength + " bytes of UTF-8, more than 2 GiB");
      }
      writeLength((int) encodedLength);
      ensure((int) encodedLength);
      position = Utf8.encode(value, buffer, position);
    }
  }

  /** The number of bytes written so far. */
  public int size() {
    return position;
  }

  /** Forgets what was written, keeping the buffer for reuse. */
  public void reset() {
    position = 0;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  private void ensure(int extra) {
    int needed = position + extra;
    if (needed < 0) {
      throw new CodecException("encoded value is larger than 2 GiB");
    }
    if (needed > buffer.length) {
      int grown = Math.max(needed, buffer.length < (1 << 30) ? buffer.length * 2 : Integer.MAX_VALUE - 8);
      buffer = Arrays.copyOf(buffer, grown);
    }
  }
}
