package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.mapdb.Atomic;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cache's MapDB file with its three collections, all in one transaction: the entries (key
 * bytes to record bytes), the expiry index and the tag index, and the number of the last log
 * segment a commit covers. {@link #commit()} is a checkpoint: a crash keeps the last whole one, and
 * never half of one, because MapDB runs over a {@link RedoLoggedVolume} that makes each commit
 * atomic; the operation log holds the changes since. Not synchronised: the caller orders changes
 * and commits.
 */
final class DiskStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStore.class);
  private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final StoreFiles files;
  private final HolderLock lock;
  private final RedoLoggedVolume volume;
  private final DB db;
  private final ConcurrentMap<byte[], byte[]> entries;
  private final NavigableSet<byte[]> expiryIndex;
  private final NavigableSet<byte[]> tagIndex;
  private final Atomic.Long checkpointedLog;

  private DiskStore(StoreFiles files, HolderLock lock, RedoLoggedVolume volume, DB db) {
    this.files = files;
    this.volume = volume;
    this.lock = lock;
    this.db = db;
    this.entries = db.hashMap("entries", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).counterEnable().createOrOpen();
    this.expiryIndex = db.treeSet("expiry", Serializer.BYTE_ARRAY).createOrOpen();
    this.tagIndex = db.treeSet("tags", Serializer.BYTE_ARRAY).createOrOpen();
    this.checkpointedLog = db.atomicLong("checkpointedLog").createOrOpen();
  }

  /**
   * Opens, or creates, the store of cache {@code cacheName}.
   *
   * @throws VelaException when the directory cannot be made, another process holds the store, or
   *     the file is corrupt and {@code onCorruption} is {@code fail}
   */
  static DiskStore open(DiskOptions options, String cacheName, InstantSource wallClock) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new VelaException("cache '" + cacheName + "' cannot create its dataDir " + options.dataDir() + ": " + e, e);
    }
    StoreFiles files = StoreFiles.of(options.dataDir(), cacheName);
    HolderLock lock = HolderLock.acquire(files, cacheName);
    try {
      try {
        return openLocked(files, lock, cacheName);
      } catch (DBException | IndexOutOfBoundsException | IllegalStateException | UncheckedIOException e) {
        // MapDB reports damaged bytes as its own exceptions, or as index errors while reading them
        if (options.onCorruption() == OnCorruption.FAIL) {
          throw new VelaException("cache '" + cacheName + "' cannot read its store " + files.store()
              + ", which is corrupt or truncated (" + e + "); restore it from a backup, or set the backend option"
              + " onCorruption=moveAside to move it aside and start empty", e);
        }
        List<Path> moved = moveAside(files, cacheName, wallClock);
        LOG.warn("cache '{}' found its store {} corrupt or truncated ({}); moved it aside to {} and starts empty",
            cacheName, files.store(), e.toString(), moved);
        return openLocked(files, lock, cacheName);
      }
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static DiskStore openLocked(StoreFiles files, HolderLock lock, String cacheName) {
    RedoLoggedVolume volume;
    try {
      volume = RedoLoggedVolume.open(files.store(), files.redoLog());
    } catch (IOException e) {
      throw new VelaException("cache '" + cacheName + "' cannot open its store " + files.store() + ": " + e, e);
    }
    // MapDB without its own transactions: the volume makes each commit atomic (see RedoLoggedVolume)
    DB db;
    try {
      db = DBMaker.volumeDB(volume, volume.hadStore()).make();
    } catch (RuntimeException e) {
      volume.close();
      throw e;
    }
    try {
      return new DiskStore(files, lock, volume, db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Renames the store and its redo log with a timestamp; never deletes them. */
  private static List<Path> moveAside(StoreFiles files, String cacheName, InstantSource wallClock) {
    String suffix = ".corrupt-" + ASIDE_STAMP.format(wallClock.instant());
    String storeName = files.store().getFileName().toString();
    List<Path> moved = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(files.dataDir())) {
      for (Path file : siblings.filter(p -> belongsToStore(p.getFileName().toString(), storeName)).toList()) {
        Path target = file.resolveSibling(file.getFileName() + suffix);
        Files.move(file, target);
        moved.add(target);
      }
    } catch (IOException e) {
      throw new VelaException("cache '" + cacheName + "' found its store " + files.store() + " corrupt and cannot move"
          + " it aside: " + e + "; move or remove it by hand", e);
    }
    return moved;
  }

  private static boolean belongsToStore(String fileName, String storeName) {
    return fileName.equals(storeName) || (fileName.startsWith(storeName + ".") && !fileName.contains(".corrupt-"));
  }

  /** Makes every write so far durable, as one atomic step. */
  void commit() {
    db.commit();
  }

  /**
   * Takes every change so far as the next commit, quickly, without writing it: changes may go on
   * once this returns, and {@link #writeCommit} makes the taken commit durable, as one atomic step.
   */
  void takeCommit() {
    volume.commitDeferred(db::commit);
  }

  /** Writes the commit {@link #takeCommit} took; changes may run meanwhile, and reads do. */
  void writeCommit() {
    volume.writeCommit();
  }

  /** The number of the last operation log segment whose changes the committed store holds. */
  long checkpointedLog() {
    return checkpointedLog.get();
  }

  /** Records, in the next commit, that the store holds every change of log segments up to {@code segment}. */
  void checkpointedLog(long segment) {
    checkpointedLog.set(segment);
  }

  /** The record under {@code key}, or null. */
  byte[] get(byte[] key) {
    return entries.get(key);
  }

  /** Stores {@code record} under {@code key} and indexes it; returns the record it replaced, or null. */
  byte[] put(byte[] key, byte[] record) {
    byte[] previous = entries.put(key, record);
    if (previous != null) {
      unindex(key, previous);
    }
    EntryCodec.Header header = EntryCodec.header(record);
    if (header.expiresAtMillis() != StoredEntry.NO_EXPIRY) {
      expiryIndex.add(IndexKeys.expiry(header.expiresAtMillis(), key));
    }
    for (String tag : header.tags()) {
      tagIndex.add(IndexKeys.tag(IndexKeys.tagPrefix(tag), key));
    }
    return previous;
  }

  /** Removes the record under {@code key} and its index keys; returns it, or null. */
  byte[] remove(byte[] key) {
    byte[] previous = entries.remove(key);
    if (previous != null) {
      unindex(key, previous);
    }
    return previous;
  }

  /** Removes every record. */
  void clear() {
    entries.clear();
    expiryIndex.clear();
    tagIndex.clear();
  }

  /** Applies one operation of the log. */
  void apply(LogOp op) {
    if (op instanceof LogOp.Put put) {
      put(put.key(), put.record());
    } else if (op instanceof LogOp.Delete delete) {
      remove(delete.key());
    } else {
      clear();
    }
  }

  private void unindex(byte[] key, byte[] record) {
    EntryCodec.Header header;
    try {
      header = EntryCodec.header(record);
    } catch (CodecException e) {
      return; // a damaged head indexed nothing; the sweeper and invalidateTag skip stale index keys anyway
    }
    if (header.expiresAtMillis() != StoredEntry.NO_EXPIRY) {
      expiryIndex.remove(IndexKeys.expiry(header.expiresAtMillis(), key));
    }
    for (String tag : header.tags()) {
      tagIndex.remove(IndexKeys.tag(IndexKeys.tagPrefix(tag), key));
    }
  }

  /** Record bytes by key bytes. */
  ConcurrentMap<byte[], byte[]> entries() {
    return entries;
  }

  /** {@link IndexKeys#expiry} keys of the entries that expire. */
  NavigableSet<byte[]> expiryIndex() {
    return expiryIndex;
  }

  /** {@link IndexKeys#tag} keys, one for each tag of each entry. */
  NavigableSet<byte[]> tagIndex() {
    return tagIndex;
  }

  StoreFiles files() {
    return files;
  }

  /** Commits what is left, closes the file and releases the lock. */
  @Override
  public void close() {
    try {
      if (!db.isClosed()) {
        db.commit();
        db.close();
      }
    } finally {
      lock.close();
    }
  }
}
