package dev.vela.backend.redis;

import java.nio.ByteBuffer;

/**
 * The bytes of a stored entry: its absolute expiry time (8 bytes, big-endian epoch milliseconds of
 * the cache's clock), then the value framed by its codec (shape fingerprint, then encoding). The
 * expiry travels with the value so that a read needs one GET.
 */
final class Envelope {
  /** Bytes before the framed value. */
  static final int HEADER_BYTES = Long.BYTES;

  private Envelope() {}

  /** The envelope of a value's framed bytes. */
  static byte[] wrap(long expiresAtMillis, byte[] framedValue) {
    return ByteBuffer.allocate(HEADER_BYTES + framedValue.length).putLong(expiresAtMillis).put(framedValue).array();
  }

  /** The expiry time in an envelope, or 0 (long expired) for bytes too short to be one. */
  static long expiresAt(byte[] envelope) {
    return envelope.length < HEADER_BYTES ? 0 : ByteBuffer.wrap(envelope).getLong();
  }
}
