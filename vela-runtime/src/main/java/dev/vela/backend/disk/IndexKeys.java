package dev.vela.backend.disk;

import dev.vela.codec.CodecOutput;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Keys of the two secondary indexes, sorted sets of bytes that MapDB compares unsigned, byte by
 * byte. The expiry index holds the expiry time big-endian, then the entry's key, so entries sort
 * by when they expire. The tag index holds the tag as a length-prefixed string, then the entry's
 * key; the length prefix makes no tag's prefix the start of another's.
 */
final class IndexKeys {
  private static final int EXPIRY_BYTES = Long.BYTES;

  private IndexKeys() {}

  static byte[] expiry(long expiresAtMillis, byte[] key) {
    return ByteBuffer.allocate(EXPIRY_BYTES + key.length).putLong(expiresAtMillis).put(key).array();
  }

  /** The first expiry key after every entry that expires at {@code nowMillis} or before. */
  static byte[] expiryBound(long nowMillis) {
    return ByteBuffer.allocate(EXPIRY_BYTES).putLong(nowMillis + 1).array();
  }

  static byte[] keyOfExpiry(byte[] expiryKey) {
    return Arrays.copyOfRange(expiryKey, EXPIRY_BYTES, expiryKey.length);
  }

  static byte[] tagPrefix(String tag) {
    CodecOutput out = new CodecOutput(tag.length() + 2);
    out.writeString(tag);
    return out.toByteArray();
  }

  static byte[] tag(byte[] prefix, byte[] key) {
    byte[] joined = Arrays.copyOf(prefix, prefix.length + key.length);
    System.arraycopy(key, 0, joined, prefix.length, key.length);
    return joined;
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  static byte[] keyOfTag(byte[] tagKey, byte[] prefix) {
    return Arrays.copyOfRange(tagKey, prefix.length, tagKey.length);
  }
}
