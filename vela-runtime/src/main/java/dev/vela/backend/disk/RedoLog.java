package dev.vela.backend.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The redo log that makes each commit of a store file atomic. Before a commit touches the store
 * file, every page it changes is written here in one record and forced to disk; only then are the
 * pages written into the store file. The log holds the last commit only, each record overwriting
 * the one before from the start of the file.
 *
 * <p>A record is {@code MAGIC, payload length, CRC32C of the payload} followed by the payload:
 * the store's length after the commit, the page size, the page count, then each page as its number
 * and bytes. On open, a record whose CRC matches is applied again (pages are whole images, so
 * applying one twice is harmless); a record that is cut short or does not match is a commit that
 * never reached the store file, and is ignored.
 */
final class RedoLog implements AutoCloseable {
  private static final long MAGIC = 0x56454c41_52454430L; // "VELARED0"
  private static final int HEADER_BYTES = 8 + 8 + 4;
  private static final int PAYLOAD_HEAD_BYTES = 8 + 4 + 4;

  private final Path file;
  private final FileChannel channel;

  private RedoLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens, or creates, the log {@code file}; {@link #recover} must have run first. */
  static RedoLog open(Path file) throws IOException {
    return new RedoLog(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE));
  }

  /**
   * Applies the last complete record of {@code logFile}, if any, to {@code storeFile} and forces
   * the store file to disk. Returns whether a record was applied.
   */
  static boolean recover(Path logFile, Path storeFile, int pageSize) throws IOException {
    if (!Files.exists(logFile)) {
      return false;
    }
    Commit commit;
    try (FileChannel log = FileChannel.open(logFile, StandardOpenOption.READ)) {
      commit = read(log, pageSize);
    }
    if (commit == null) {
      return false;
    }
    try (FileChannel store = FileChannel.open(storeFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      apply(store, commit.length(), commit.pages(), pageSize);
    }
    return true;
  }

  /** A commit as the log holds it: the store's length after it and the changed pages by number. */
  private record Commit(long length, SortedMap<Long, byte[]> pages) {}

  private static Commit read(FileChannel log, int pageSize) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    if (readFully(log, header, 0) < HEADER_BYTES || header.getLong(0) != MAGIC) {
      return null;
    }
    long payloadLength = header.getLong(8);
    int expectedCrc = header.getInt(16);
    if (payloadLength < PAYLOAD_HEAD_BYTES || payloadLength > log.size() - HEADER_BYTES
        || payloadLength > Integer.MAX_VALUE) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate((int) payloadLength);
    if (readFully(log, payload, HEADER_BYTES) < payloadLength) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(payload.array(), 0, payload.capacity());
    if ((int) crc.getValue() != expectedCrc) {
      return null;
    }
    payload.flip();
    long length = payload.getLong();
    int recordedPageSize = payload.getInt();
    int count = payload.getInt();
    if (recordedPageSize != pageSize || payload.remaining() != (long) count * (8 + pageSize)) {
      return null; // a matching CRC over another layout: not a record this version wrote
    }
    SortedMap<Long, byte[]> pages = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      long number = payload.getLong();
      byte[] bytes = new byte[pageSize];
      payload.get(bytes);
      pages.put(number, bytes);
    }
    return new Commit(length, pages);
  }

  /**
   * Writes one commit, {@code pages} by page number and the store's {@code length} after it, and
   * forces it to disk. When this returns the commit survives a crash: recovery finishes it.
   */
  void write(long length, Map<Long, byte[]> pages, int pageSize) throws IOException {
    int payloadLength = PAYLOAD_HEAD_BYTES + pages.size() * (8 + pageSize);
    ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payloadLength);
    record.position(HEADER_BYTES);
    record.putLong(length).putInt(pageSize).putInt(pages.size());
    pages.forEach((number, bytes) -> record.putLong(number).put(bytes, 0, pageSize));
    CRC32C crc = new CRC32C();
    crc.update(record.array(), HEADER_BYTES, payloadLength);
    record.putLong(0, MAGIC).putLong(8, payloadLength).putInt(16, (int) crc.getValue());
    record.position(0);
    boolean grows = record.capacity() > channel.size();
    writeFully(channel, record, 0);
    channel.force(grows); // the file's size is metadata: force it too when it changed
  }

  /** Writes {@code pages} into {@code store}, sets its length and forces it to disk. */
  static void apply(FileChannel store, long length, Map<Long, byte[]> pages, int pageSize) throws IOException {
    boolean resized = store.size() != length;
    for (Map.Entry<Long, byte[]> page : pages.entrySet()) {
      long offset = page.getKey() * pageSize;
      if (offset < length) {
        writeFully(store, ByteBuffer.wrap(page.getValue(), 0, (int) Math.min(pageSize, length - offset)), offset);
      }
    }
    if (store.size() > length) {
      store.truncate(length);
    } else if (store.size() < length) {
      writeFully(store, ByteBuffer.allocate(1), length - 1); // extends the file; the gap reads as zeros
    }
    store.force(resized);
  }

  private static int readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
    int total = 0;
    while (into.hasRemaining()) {
      int read = channel.read(into, position + total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  private static void writeFully(FileChannel channel, ByteBuffer from, long position) throws IOException {
    long at = position;
    while (from.hasRemaining()) {
      at += channel.write(from, at);
    }
  }

  /**
   * Empties the log once the store file holds its commit. Not forced: should the emptying be lost,
   * the next open applies that commit again, which changes nothing.
   */
  void clear() throws IOException {
    channel.truncate(0);
  }

  /** Closes and removes the log, once the store file holds every commit it recorded. */
  void delete() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
