package dev.vela.backend.disk;

import dev.vela.backend.StoredEntry;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.FramedCodec;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bytes of stored entries. A key is framed (its shape's fingerprint, then its encoding), so a
 * key type that changed shape never finds an old entry by accident. A record is the absolute
 * expiry time, the tags, then the framed value: expiry and tags can be read without the value's
 * codec, so the sweeper and tag invalidation work even on values of an older shape.
 */
final class EntryCodec<K, V> {
  private final FramedCodec<K> keys;
  private final FramedCodec<V> values;

  EntryCodec(CacheTypes<K, V> types) {
    this.keys = FramedCodec.of(types.key().require("the DISK backend"));
    this.values = FramedCodec.of(types.value().require("the DISK backend"));
  }

  /** The head of a record: expiry and tags, and where the value starts. */
  record Header(long expiresAtMillis, Set<String> tags, int valueOffset) {
    boolean isExpiredAt(long nowMillis) {
      return expiresAtMillis <= nowMillis;
    }
  }

  byte[] key(K key) {
    return keys.toBytes(key);
  }

  /** @throws CodecException when another shape of the key type wrote {@code bytes} */
  K key(byte[] bytes) {
    return keys.fromBytes(bytes);
  }

  byte[] record(V value, long expiresAtMillis, Set<String> tags) {
    CodecOutput out = new CodecOutput(32);
    out.writeLong(expiresAtMillis);
    out.writeLength(tags.size());
    for (String tag : tags) {
      out.writeString(tag);
    }
    byte[] framedValue = values.toBytes(value);
    out.writeRaw(framedValue, 0, framedValue.length);
    return out.toByteArray();
  }

  /** @throws CodecException when the record's head is damaged */
  static Header header(byte[] record) {
    CodecInput in = new CodecInput(record);
    long expiresAt = in.readLong();
    int count = in.readLength(1);
    Set<String> tags = count == 0 ? Set.of() : new LinkedHashSet<>(count * 2);
    for (int i = 0; i < count; i++) {
      tags.add(in.readString());
    }
    return new Header(expiresAt, count == 0 ? tags : Set.copyOf(tags), record.length - in.remaining());
  }

  /** @throws CodecException when another shape of the value type wrote the value */
  V value(byte[] record, Header header) {
    return values.fromBytes(record, header.valueOffset(), record.length - header.valueOffset());
  }

  /** @throws CodecException when the record cannot be read */
  StoredEntry<V> entry(byte[] record, Header header) {
    return new StoredEntry<>(value(record, header), header.expiresAtMillis(), header.tags());
  }
}
