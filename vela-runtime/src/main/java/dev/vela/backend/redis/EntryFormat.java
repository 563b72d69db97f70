package dev.vela.backend.redis;

import dev.vela.backend.DecodeErrorListener;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.Codecs;
import dev.vela.codec.FramedCodec;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a REDIS backend's entries look in Redis: a key's id in key names, a value's envelope with its
 * PX and expiry index score, and the way back, with entries found expired reported to the removal
 * listener and bytes that do not decode to the decode error listener.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class EntryFormat<K, V> {
  private static final byte[] NO_PX = RedisKeys.bytes("0");
  private static final byte[] NEVER = RedisKeys.bytes("+inf");

  private final Codec<K> keyCodec;
  private final FramedCodec<V> values;
  private final InstantSource clock;
  private final RemovalListener<K, V> removals;
  private final DecodeErrorListener decodeErrors;

  EntryFormat(Codec<K> keyCodec, FramedCodec<V> values, InstantSource clock, RemovalListener<K, V> removals,
      DecodeErrorListener decodeErrors) {
    this.keyCodec = keyCodec;
    this.values = values;
    this.clock = clock;
    this.removals = removals;
    this.decodeErrors = decodeErrors;
  }

  /** The id of {@code key} in Redis key names. */
  String idOf(K key) {
    return RedisKeys.id(Codecs.encode(keyCodec, key));
  }

  /** Now, on the cache's clock, in epoch milliseconds. */
  long millis() {
    return clock.millis();
  }

  /** Now, on the cache's clock, as a script argument. */
  byte[] now() {
    return RedisKeys.bytes(Long.toString(clock.millis()));
  }

  /** The codec bytes of {@code value}, as conditions compare them. */
  byte[] valueBytes(V value) {
    return values.toBytes(value);
  }

  /** Adds the envelope, the PX and the index score of a value to a script's arguments. */
  void addStored(List<byte[]> args, V value, long expiresAtMillis) {
    args.addAll(stored(value, expiresAtMillis));
  }

  /** The envelope (only its header when {@code value} is null), the PX and the index score of a value. */
  List<byte[]> stored(V value, long expiresAtMillis) {
    byte[] envelope = Envelope.wrap(expiresAtMillis, value == null ? new byte[0] : values.toBytes(value));
    if (expiresAtMillis == StoredEntry.NO_EXPIRY) {
      return List.of(envelope, NO_PX, NEVER);
    }
    // relative, so clocks of other hosts do not matter; never below the grace, so PX is positive
    long px = Math.max(0, expiresAtMillis - clock.millis()) + RedisBackend.PX_GRACE.toMillis();
    return List.of(envelope, RedisKeys.bytes(Long.toString(px)), RedisKeys.bytes(Long.toString(expiresAtMillis)));
  }

  /** Reports the expired entries in a reply, as id and envelope pairs from {@code from}; returns how many. */
  long reportExpired(List<Object> reply, int from) {
    long reported = 0;
    for (int i = from; i + 1 < reply.size(); i += 2) {
      K key = decodeKey(RedisKeys.text((byte[]) reply.get(i)));
      if (key != null && report(key, (byte[]) reply.get(i + 1))) {
        reported++;
      }
    }
    return reported;
  }

  /** Reports an expired entry to the removal listener; false when its value cannot be read. */
  boolean report(K key, byte[] envelope) {
    // null: Redis had expired the entry on its own, and its value is gone
    V value = envelope == null ? null : decodeValue(envelope);
    if (value == null) {
      return false;
    }
    removals.onRemoval(key, value, RemovalCause.EXPIRED);
    return true;
  }

  /** The value in a stored envelope; null, reported as a decode error, when it does not decode. */
  V decodeValue(byte[] envelope) {
    try {
      if (envelope.length < Envelope.HEADER_BYTES) {
        throw new CodecException("a stored entry needs its " + Envelope.HEADER_BYTES + "-byte expiry time, found "
            + envelope.length + " bytes");
      }
      return values.fromBytes(envelope, Envelope.HEADER_BYTES, envelope.length - Envelope.HEADER_BYTES);
    } catch (CodecException e) {
      decodeErrors.onDecodeError(e);
      return null;
    }
  }

  /** The key of an id in Redis key names; null, reported as a decode error, when it does not decode. */
  K decodeKey(String id) {
    try {
      return Codecs.decode(keyCodec, RedisKeys.keyBytes(id));
    } catch (CodecException | IllegalArgumentException e) {
      decodeErrors.onDecodeError(e instanceof CodecException codec ? codec : new CodecException("key id " + id
          + " is not Base64: " + e.getMessage(), e));
      return null;
    }
  }

  /** The texts in {@code reply} from {@code from} on, such as an entry's tags. */
  static Set<String> texts(List<?> reply, int from) {
    Set<String> texts = new HashSet<>();
    for (int i = from; i < reply.size(); i++) {
      texts.add(RedisKeys.text((byte[]) reply.get(i)));
    }
    return texts;
  }
}
