package dev.vela.topology.partitioned;

import dev.vela.backend.DecodeErrorListener;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import dev.vela.codec.FramedCodec;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How keys and entries cross nodes: keys by their codec (the bytes the ring hashes), values framed
 * with their shape's fingerprint, and expiry as remaining milliseconds, so nodes whose clocks
 * differ agree on how long an entry has left.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Wire<K, V> {
  /** Remaining time written for an entry that never expires. */
  private static final long FOREVER = -1;

  private final Codec<K> keys;
  private final FramedCodec<V> values;
  private final InstantSource clock;
  private final DecodeErrorListener decodeErrors;

  Wire(Codec<K> keys, Codec<V> values, InstantSource clock, DecodeErrorListener decodeErrors) {
    this.keys = keys;
    this.values = FramedCodec.of(values);
    this.clock = clock;
    this.decodeErrors = decodeErrors;
  }

  byte[] keyBytes(K key) {
    return Codecs.encode(keys, key);
  }

  void writeKey(CodecOutput out, K key) {
    out.writeBytes(keyBytes(key));
  }

  K readKey(CodecInput in) {
    return Codecs.decode(keys, in.readBytes());
  }

  void writeValue(CodecOutput out, V value) {
    out.writeBytes(values.toBytes(value));
  }

  /** The value, or null when its bytes do not decode (another shape of the type): a miss, counted. */
  V readValue(CodecInput in) {
    byte[] bytes = in.readBytes();
    try {
      return values.fromBytes(bytes);
    } catch (CodecException e) {
      decodeErrors.onDecodeError(e);
      return null;
    }
  }

  void writeEntry(CodecOutput out, StoredEntry<V> entry) {
    writeValue(out, entry.value());
    out.writeZigZagLong(entry.neverExpires() ? FOREVER : Math.max(1, entry.expiresAtMillis() - clock.millis()));
    out.writeVarInt(entry.tags().size());
    for (String tag : entry.tags()) {
      out.writeString(tag);
    }
  }

  /** The entry with its expiry on this node's clock, or null when its value does not decode. */
  StoredEntry<V> readEntry(CodecInput in) {
    V value = readValue(in);
    long remaining = in.readZigZagLong();
    int tagCount = in.readLength(1);
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < tagCount; i++) {
      tags.add(in.readString());
    }
    if (value == null) {
      return null;
    }
    long expiresAt = remaining == FOREVER ? StoredEntry.NO_EXPIRY : saturatedAdd(clock.millis(), remaining);
    return new StoredEntry<>(value, expiresAt, tags);
  }

  /** A request that starts with {@code op}. */
  static CodecOutput request(Op op) {
    CodecOutput out = new CodecOutput();
    out.writeByte(op.code());
    return out;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? StoredEntry.NO_EXPIRY - 1 : sum;
  }
}
