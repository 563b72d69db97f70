package dev.vela.topology.wire;

import dev.vela.backend.DecodeErrorListener;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.FramedCodec;
import dev.vela.codec.StableHash;
import java.time.InstantSource;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How keys and entries cross nodes of a clustered cache: keys by their codec (the bytes the ring hashes), values framed
 * with their shape's fingerprint, and expiry as remaining milliseconds, so nodes whose clocks
 * differ agree on how long an entry has left.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Wire<K, V> {
  /** Remaining time written for an entry that never expires. */
  private static final long FOREVER = -1;

  private final Codec<K> keys;
  private final FramedCodec<V> values;
  private final InstantSource clock;
  private final DecodeErrorListener decodeErrors;

  /** A wire for these codecs; {@code clock} turns remaining time into expiry and back. */
  public Wire(Codec<K> keys, Codec<V> values, InstantSource clock, DecodeErrorListener decodeErrors) {
    this.keys = keys;
    this.values = FramedCodec.of(values);
    this.clock = clock;
    this.decodeErrors = decodeErrors;
  }

  /** The {@link StableHash} of the key's encoded bytes, as the ring hashes them, without making them an array. */
  public long keyHash(K key) {
    return StableHash.ofKey(keys, key);
  }

  /** Writes the key's bytes (encoded in place: the same bytes as {@code out.writeBytes(Codecs.encode(keys, key))}). */
  public void writeKey(CodecOutput out, K key) {
    out.writeSized(keys, key);
  }

  /** Reads a key written by {@link #writeKey}. */
  public K readKey(CodecInput in) {
    return in.readSized(keys);
  }

  /** Writes a list of keys: their count, then each key as {@link #writeKey} writes it. */
  public void writeKeys(CodecOutput out, List<K> keys) {
    out.writeVarInt(keys.size());
    keys.forEach(key -> writeKey(out, key));
  }

  /** Reads what {@link #writeKeys} wrote, in order. */
  public List<K> readKeys(CodecInput in) {
    int count = in.readLength(1);
    List<K> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(readKey(in));
    }
    return keys;
  }

  /** Writes the value framed with its shape's fingerprint. */
  public void writeValue(CodecOutput out, V value) {
    values.writeSized(value, out);
  }

  /** The value, or null when its bytes do not decode (another shape of the type): a miss, counted. */
  public V readValue(CodecInput in) {
    CodecInput bytes = in.readSizedInput();
    try {
      return values.read(bytes);
    } catch (CodecException e) {
      decodeErrors.onDecodeError(e);
      return null;
    }
  }

  /** Writes the value, remaining time to live and tags of {@code entry}. */
  public void writeEntry(CodecOutput out, StoredEntry<V> entry) {
    writeValue(out, entry.value());
    writeExpiry(out, entry.expiresAtMillis());
    writeTags(out, entry.tags());
  }

  /** Writes an absolute expiry time as the time left from now, so a receiver with another clock agrees. */
  public void writeExpiry(CodecOutput out, long expiresAtMillis) {
    out.writeZigZagLong(expiresAtMillis == StoredEntry.NO_EXPIRY ? FOREVER : Math.max(1, expiresAtMillis - clock.millis()));
  }

  /** Reads what {@link #writeExpiry} wrote as an absolute expiry time on this node's clock. */
  public long readExpiry(CodecInput in) {
    long remaining = in.readZigZagLong();
    return remaining == FOREVER ? StoredEntry.NO_EXPIRY : saturatedAdd(clock.millis(), remaining);
  }

  /** Writes a set of tags. */
  public void writeTags(CodecOutput out, Set<String> tags) {
    out.writeVarInt(tags.size());
    for (String tag : tags) {
      out.writeString(tag);
    }
  }

  /** Reads what {@link #writeTags} wrote. */
  public Set<String> readTags(CodecInput in) {
    int tagCount = in.readLength(1);
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < tagCount; i++) {
      tags.add(in.readString());
    }
    return tags;
  }

  /** The entry with its expiry on this node's clock, or null when its value does not decode. */
  public StoredEntry<V> readEntry(CodecInput in) {
    V value = readValue(in);
    long expiresAt = readExpiry(in);
    Set<String> tags = readTags(in);
    return value == null ? null : new StoredEntry<>(value, expiresAt, tags);
  }

  /** Writes {@code entries}: a count, then each key and entry as {@link #writeKey} and {@link #writeEntry} write them. */
  public void writeEntries(CodecOutput out, Collection<Map.Entry<K, StoredEntry<V>>> entries) {
    out.writeVarInt(entries.size());
    for (Map.Entry<K, StoredEntry<V>> entry : entries) {
      writeKey(out, entry.getKey());
      writeEntry(out, entry.getValue());
    }
  }

  /** Reads what {@link #writeEntries} wrote, in order; entries whose value does not decode here are left out. */
  public Map<K, StoredEntry<V>> readEntries(CodecInput in) {
    int count = in.readLength(1);
    Map<K, StoredEntry<V>> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      K key = readKey(in);
      StoredEntry<V> entry = readEntry(in);
      if (entry != null) {
        entries.put(key, entry);
      }
    }
    return entries;
  }

  /** Writes {@code states}: a count, then each key with its version and, unless a removal, its entry. */
  public void writeVersioned(CodecOutput out, Map<K, Versioned<V>> states) {
    out.writeVarInt(states.size());
    states.forEach((key, state) -> {
      writeKey(out, key);
      state.version().write(out);
      out.writeBoolean(!state.isRemoval());
      if (!state.isRemoval()) {
        writeEntry(out, state.entry());
      }
    });
  }

  /** Reads what {@link #writeVersioned} wrote, in order; states whose value does not decode here are left out. */
  public Map<K, Versioned<V>> readVersioned(CodecInput in) {
    int count = in.readLength(1);
    Map<K, Versioned<V>> states = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      K key = readKey(in);
      Version version = Version.read(in);
      if (!in.readBoolean()) {
        states.put(key, new Versioned<>(version, null));
        continue;
      }
      StoredEntry<V> entry = readEntry(in);
      if (entry != null) {
        states.put(key, new Versioned<>(version, entry));
      }
    }
    return states;
  }

  /** A request that starts with the operation code {@code op}. */
  public static CodecOutput request(int op) {
    CodecOutput out = new CodecOutput();
    out.writeByte(op);
    return out;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? StoredEntry.NO_EXPIRY - 1 : sum;
  }
}
