package dev.vela.core;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codec;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import dev.vela.topology.KeyText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a dump file ({@link DumpFormat}). It writes a temporary file in the target's directory,
 * forces it to disk and then moves it over the target atomically, so a reader never sees half a
 * dump and a failed dump leaves any earlier file as it was.
 */
final class DumpWriter<K, V> {
  private final String cacheName;
  private final CacheTypes<K, V> types;
  private final Codec<K> keyCodec;
  private final Codec<V> valueCodec;
  private final CodecOutput frame = new CodecOutput(256);
  private final CodecOutput scratch = new CodecOutput(128);

  /** A writer for this cache's types. @throws VelaException when a type has no codec */
  DumpWriter(String cacheName, CacheTypes<K, V> types) {
    this.cacheName = cacheName;
    this.types = types;
    this.keyCodec = types.key().require("dump");
    this.valueCodec = types.value().require("dump");
  }

  /** Writes {@code entries} to {@code file} and returns how many. */
  long write(Path file, Stream<Map.Entry<K, StoredEntry<V>>> entries) {
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw new VelaException(
          "cannot dump cache '" + cacheName + "' to " + file + ": " + e + "; check that the directory exists and is writable", e);
    }
    try {
      long count;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          CheckedOutputStream out =
              new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), new CRC32())) {
        count = writeContent(out, entries);
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(temp, target);
      return count;
    } catch (IOException e) {
      throw new VelaException("cannot dump cache '" + cacheName + "' to " + file + ": " + e, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private long writeContent(CheckedOutputStream out, Stream<Map.Entry<K, StoredEntry<V>>> entries) throws IOException {
    out.write(DumpFormat.MAGIC);
    out.write(DumpFormat.VERSION);
    frame.reset();
    frame.writeString(cacheName);
    frame.writeString(types.key().typeName());
    frame.writeInt(Codecs.fingerprint(keyCodec));
    frame.writeString(types.value().typeName());
    frame.writeInt(Codecs.fingerprint(valueCodec));
    writeFrame(out);
    long count = 0;
    try (entries) {
      Iterator<Map.Entry<K, StoredEntry<V>>> iterator = entries.iterator();
      while (iterator.hasNext()) {
        Map.Entry<K, StoredEntry<V>> entry = iterator.next();
        encodeEntry(entry.getKey(), entry.getValue());
        out.write(DumpFormat.ENTRY);
        writeFrame(out);
        count++;
      }
    }
    out.write(DumpFormat.END);
    writeLittleEndian(out, count, 8);
    writeLittleEndian(out, out.getChecksum().getValue(), 4);
    return count;
  }

  private void encodeEntry(K key, StoredEntry<V> entry) {
    frame.reset();
    if (entry.neverExpires()) {
      frame.writeByte(DumpFormat.NO_EXPIRY);
    } else {
      frame.writeByte(DumpFormat.EXPIRES_AT);
      frame.writeLong(entry.expiresAtMillis());
    }
    frame.writeLength(entry.tags().size());
    for (String tag : entry.tags()) {
      frame.writeString(tag);
    }
    try {
      scratch.reset();
      keyCodec.encode(key, scratch);
      frame.writeBytes(scratch.toByteArray());
      scratch.reset();
      valueCodec.encode(entry.value(), scratch);
      frame.writeBytes(scratch.toByteArray());
    } catch (RuntimeException e) {
      throw new VelaException(
          "cannot dump cache '" + cacheName + "': encoding the entry of key " + KeyText.of(key) + " failed: " + e
              + "; check the codecs of " + types.key().typeName() + " and " + types.value().typeName(), e);
    }
  }

  private void writeFrame(OutputStream out) throws IOException {
    byte[] bytes = frame.toByteArray();
    int length = bytes.length;
    while ((length & ~0x7F) != 0) {
      out.write((length & 0x7F) | 0x80);
      length >>>= 7;
    }
    out.write(length);
    out.write(bytes);
  }

  private static void writeLittleEndian(OutputStream out, long value, int bytes) throws IOException {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // some file systems cannot rename atomically; the file is complete either way
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the dump already failed or succeeded; a stray temporary file is all that is left
    }
  }
}
