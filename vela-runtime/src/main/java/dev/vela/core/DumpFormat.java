package dev.vela.core;

import java.nio.charset.StandardCharsets;

/**
 * The constants of the dump file format (version 1); docs/dump-format.md describes it in full.
 *
 * <pre>
 * magic "VELADUMP" (8 bytes) | version (1 byte)
 * header frame: cache name, key type name, key shape fingerprint, value type name, value fingerprint
 * per entry: ENTRY (1 byte) | entry frame: expiry, tags, key bytes, value bytes
 * END (1 byte) | entry count (8 bytes LE) | CRC32 of every byte before it (4 bytes LE)
 * </pre>
 *
 * A frame is a varint length and that many bytes; inside frames, numbers and strings are written by
 * {@link dev.vela.codec.CodecOutput}.
 */
final class DumpFormat {
  static final byte[] MAGIC = "VELADUMP".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int ENTRY = 1;
  static final int END = 0;
  static final int NO_EXPIRY = 0;
  static final int EXPIRES_AT = 1;
  /** Bytes after the end marker: the entry count and the CRC32. */
  static final int TRAILER_LENGTH = 8 + 4;

  private DumpFormat() {}
}
