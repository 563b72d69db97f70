package dev.vela.core;

import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads a dump file ({@link DumpFormat}) completely before anything is stored: first the CRC32 over
 * the whole file, then the header (refused when a type's shape fingerprint differs from the
 * cache's), then every entry. Only a file that passes all of it yields entries, so a corrupt file
 * is never half applied.
 */
final class DumpReader<K, V> {
  private final String cacheName;
  private final CacheTypes<K, V> types;
  private final Codec<K> keyCodec;
  private final Codec<V> valueCodec;

  /** A reader for this cache's types. @throws VelaException when a type has no codec */
  DumpReader(String cacheName, CacheTypes<K, V> types) {
    this.cacheName = cacheName;
    this.types = types;
    this.keyCodec = types.key().require("load");
    this.valueCodec = types.value().require("load");
  }

  /** The entries of {@code file} that have not expired at {@code nowMillis}, in file order. */
  Map<K, StoredEntry<V>> read(Path file, long nowMillis) {
    try {
      long length = Files.size(file);
      verifyChecksum(file, length);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        return readEntries(new DumpInput(in, file, length), nowMillis);
      }
    } catch (NoSuchFileException e) {
      throw new VelaException("cannot load " + file + " into cache '" + cacheName + "': there is no such file", e);
    } catch (IOException e) {
      throw new VelaException("cannot load " + file + " into cache '" + cacheName + "': " + e, e);
    }
  }

  private void verifyChecksum(Path file, long length) throws IOException {
    DumpInput probe = new DumpInput(InputStream.nullInputStream(), file, length);
    int minimum = DumpFormat.MAGIC.length + 1 + 1 + 1 + DumpFormat.TRAILER_LENGTH;
    if (length < minimum) {
      throw probe.corrupt("it has only " + length + " bytes, fewer than any dump");
    }
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    long covered = length - 4;
    long stored = 0;
    try (InputStream in = Files.newInputStream(file)) {
      long position = 0;
      int read;
      while ((read = in.read(buffer)) > 0) {
        int checked = (int) Math.max(0, Math.min(read, covered - position));
        crc.update(buffer, 0, checked);
        for (int i = checked; i < read; i++) {
          stored |= (long) (buffer[i] & 0xFF) << (8 * (position + i - covered));
        }
        position += read;
      }
    }
    if (crc.getValue() != stored) {
      throw probe.corrupt(String.format(
          "its CRC32 is %08x but the file says %08x, so it was damaged or cut short", crc.getValue(), stored));
    }
  }

  private Map<K, StoredEntry<V>> readEntries(DumpInput input, long nowMillis) throws IOException {
    byte[] magic = input.readFully(DumpFormat.MAGIC.length);
    if (!Arrays.equals(magic, DumpFormat.MAGIC)) {
      throw input.corrupt("it does not start with VELADUMP");
    }
    int version = input.readByte();
    if (version != DumpFormat.VERSION) {
      throw input.corrupt("it has format version " + version + ", and this Vela reads version "
          + DumpFormat.VERSION + "; load it with the Vela version that wrote it");
    }
    Map<K, StoredEntry<V>> entries = new LinkedHashMap<>();
    long count = 0;
    try {
      checkHeader(input.readFrame(), input);
      int marker;
      while ((marker = input.readByte()) == DumpFormat.ENTRY) {
        count++;
        readEntry(input.readFrame(), nowMillis, entries);
      }
      if (marker != DumpFormat.END) {
        throw input.corrupt("entry " + (count + 1) + " starts with marker " + marker + " instead of 0 or 1");
      }
    } catch (CodecException e) {
      String part = count == 0 ? "its header" : "entry " + count;
      throw input.corrupt(part + " does not decode: " + e.getMessage());
    }
    long declared = input.readLittleEndian(8);
    input.readLittleEndian(4); // the CRC32, checked before parsing
    if (declared != count) {
      throw input.corrupt("it holds " + count + " entries but its end marker says " + declared);
    }
    if (input.remaining() != 0) {
      throw input.corrupt(input.remaining() + " bytes follow the end marker");
    }
    return entries;
  }

  private void checkHeader(CodecInput header, DumpInput input) {
    header.readString(); // the name of the cache that wrote it: informative only, a renamed cache may load it
    String keyType = header.readString();
    int keyFingerprint = header.readInt();
    String valueType = header.readString();
    int valueFingerprint = header.readInt();
    header.requireEnd();
    checkShape("key", types.key(), keyCodec, keyType, keyFingerprint, input);
    checkShape("value", types.value(), valueCodec, valueType, valueFingerprint, input);
  }

  private void checkShape(
      String role, TypeCodec<?> type, Codec<?> codec, String dumpedType, int dumpedFingerprint, DumpInput input) {
    int current = Codecs.fingerprint(codec);
    if (current != dumpedFingerprint) {
      throw new VelaException(String.format(
          "cannot load %s into cache '%s': its %ss are %s with shape fingerprint %08x, but the cache's %s type %s"
              + " has fingerprint %08x, so the %s type changed since the dump was written; load it into a cache"
              + " with the old %s type, or write a new dump",
          input.file(), cacheName, role, dumpedType, dumpedFingerprint, role, type.typeName(), current, role, role));
    }
  }

  private void readEntry(CodecInput frame, long nowMillis, Map<K, StoredEntry<V>> entries) {
    long expiresAt = switch (frame.readUnsignedByte()) {
      case DumpFormat.NO_EXPIRY -> StoredEntry.NO_EXPIRY;
      case DumpFormat.EXPIRES_AT -> frame.readLong();
      default -> throw new CodecException("unknown expiry flag");
    };
    int tagCount = frame.readLength(1);
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < tagCount; i++) {
      String tag = frame.readString();
      if (tag.isBlank()) {
        throw new CodecException("a tag is blank");
      }
      tags.add(PutOptions.checkTag(tag));
    }
    K key = decode(keyCodec, frame.readBytes(), "key");
    V value = decode(valueCodec, frame.readBytes(), "value");
    frame.requireEnd();
    if (expiresAt > nowMillis) {
      entries.put(key, new StoredEntry<>(value, expiresAt, tags));
    }
  }

  private static <T> T decode(Codec<T> codec, byte[] bytes, String role) {
    CodecInput in = new CodecInput(bytes);
    T decoded = codec.decode(in);
    in.requireEnd();
    if (decoded == null) {
      throw new CodecException("the " + role + " codec returned null");
    }
    return decoded;
  }
}
