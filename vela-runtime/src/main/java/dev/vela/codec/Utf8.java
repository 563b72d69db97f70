package dev.vela.codec;

/**
 * UTF-8 for every Java string, including strings holding an unpaired surrogate (a string cut in
 * the middle of an emoji, say), which the JDK's encoder silently turns into {@code '?'}. A
 * surrogate pair is written as the 4-byte form of its code point, as UTF-8 requires; an unpaired
 * surrogate is written in the 3-byte form (as WTF-8 does). Valid strings therefore get plain UTF-8,
 * and every string has exactly one encoding, which matters because key bytes are hashed.
 *
 * <p>Decoding is strict: overlong forms, code points past U+10FFFF, truncated sequences, and a
 * 3-byte high surrogate followed by a 3-byte low one (a pair in the wrong form) are rejected.
 */
final class Utf8 {
  private Utf8() {}

  /** The number of bytes {@link #encode} writes for {@code value}; up to three per char, so a long. */
  static long encodedLength(String value) {
    int length = value.length();
    long bytes = length;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 2; // two chars become four bytes
        i++;
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }

  /** Writes {@code value} into {@code buffer} at {@code position}; returns the position after it. */
  static int encode(String value, byte[] buffer, int position) {
    int length = value.length();
    int p = position;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        buffer[p++] = (byte) c;
      } else if (c < 0x800) {
        buffer[p++] = (byte) (0xC0 | c >>> 6);
        buffer[p++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        buffer[p++] = (byte) (0xF0 | codePoint >>> 18);
        buffer[p++] = (byte) (0x80 | codePoint >>> 12 & 0x3F);
        buffer[p++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
        buffer[p++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        buffer[p++] = (byte) (0xE0 | c >>> 12);
        buffer[p++] = (byte) (0x80 | c >>> 6 & 0x3F);
        buffer[p++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return p;
  }

  /**
   * Decodes {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws CodecException when the bytes are not the encoding of a string
   */
  static String decode(byte[] bytes, int offset, int length) {
    char[] chars = new char[length]; // never more chars than bytes
    int count = 0;
    int end = offset + length;
    int p = offset;
    boolean afterLoneHighSurrogate = false;
    while (p < end) {
      int b0 = bytes[p] & 0xFF;
      if (b0 < 0x80) {
        chars[count++] = (char) b0;
        p++;
        afterLoneHighSurrogate = false;
      } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        int b1 = continuation(bytes, p + 1, end, 0x80, 0xBF);
        chars[count++] = (char) ((b0 & 0x1F) << 6 | b1 & 0x3F);
        p += 2;
        afterLoneHighSurrogate = false;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        int b1 = continuation(bytes, p + 1, end, b0 == 0xE0 ? 0xA0 : 0x80, 0xBF);
        int b2 = continuation(bytes, p + 2, end, 0x80, 0xBF);
        char c = (char) ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | b2 & 0x3F);
        if (afterLoneHighSurrogate && Character.isLowSurrogate(c)) {
          throw new CodecException("string holds a surrogate pair as two 3-byte sequences instead of one 4-byte one");
        }
        chars[count++] = c;
        p += 3;
        afterLoneHighSurrogate = Character.isHighSurrogate(c);
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        int b1 = continuation(bytes, p + 1, end, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF);
        int b2 = continuation(bytes, p + 2, end, 0x80, 0xBF);
        int b3 = continuation(bytes, p + 3, end, 0x80, 0xBF);
        int codePoint = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | b3 & 0x3F;
        chars[count++] = Character.highSurrogate(codePoint);
        chars[count++] = Character.lowSurrogate(codePoint);
        p += 4;
        afterLoneHighSurrogate = false;
      } else {
        throw new CodecException("string is not valid UTF-8: byte 0x" + Integer.toHexString(b0) + " cannot start a character");
      }
    }
    return new String(chars, 0, count);
  }

  private static int continuation(byte[] bytes, int index, int end, int min, int max) {
    if (index >= end) {
      throw new CodecException("string is not valid UTF-8: a character is cut off at the end");
    }
    int b = bytes[index] & 0xFF;
    if (b < min || b > max) {
      throw new CodecException("string is not valid UTF-8: byte 0x" + Integer.toHexString(b) + " where a continuation byte belongs");
    }
    return b;
  }
}
