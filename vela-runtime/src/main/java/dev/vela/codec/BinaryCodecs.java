package dev.vela.codec;

import java.util.UUID;

/**
 * Codecs of strings (UTF-8 length, then UTF-8 bytes; see {@link CodecOutput#writeString}), byte
 * arrays (length, then the bytes) and UUIDs (16 bytes: the most significant half, then the least,
 * each little-endian).
 */
final class BinaryCodecs {
  static final Codec<String> STRING = new ScalarCodec<>("string",
      (value, out) -> out.writeString(value), CodecInput::readString);

  /** Decoding returns a new array each time, so callers may keep or change it. */
  static final Codec<byte[]> BYTE_ARRAY = new ScalarCodec<>("bytes",
      (value, out) -> out.writeBytes(value), CodecInput::readBytes);

  static final Codec<UUID> UUID_CODEC = new ScalarCodec<>("uuid", BinaryCodecs::writeUuid,
      in -> new UUID(in.readLong(), in.readLong()));

  private BinaryCodecs() {}

  private static void writeUuid(UUID value, CodecOutput out) {
    out.writeLong(value.getMostSignificantBits());
    out.writeLong(value.getLeastSignificantBits());
  }
}
