package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.config.FsyncPolicy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store of record bytes by key bytes that is as durable as its {@code fsync} option says and
 * costs one {@code write()} per change: the MapDB {@link DiskStore} holds the entries, every change
 * is also appended to the {@link OpLog} before the call that made it returns, and a background
 * thread forces the log and checkpoints the store (commits it, then deletes the log it no longer
 * needs). Recently used records are kept in {@link HotRecords}, so warm reads touch no file.
 *
 * <p>One lock orders the store: reads of MapDB share it, each change holds it alone, so a reader
 * never sees half of one. Changes append their log frame under it, so the log's order is the
 * store's. With {@code fsync=always} a writer waits for the force after releasing it, sharing the
 * force with the writers that wait with it. A checkpoint holds the lock alone only to start a new
 * log segment; it takes MapDB's changed pages holding only the change gate, which every change
 * passes first, so no writer waits on the lock and reads go on; it writes those pages while
 * changes go on too.
 */
final class LoggedStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedStore.class);
  /** Records kept in memory for reads. */
  static final int HOT_RECORDS = 1 << 17;
  /** The log is checkpointed when its segment reaches this size, or a quarter of the store file, whichever is more. */
  private static final long MIN_CHECKPOINT_BYTES = 1 << 20;

  private final String cacheName;
  private final DiskStore store;
  private final OpLog log;
  private final FsyncPolicy fsync;
  private final HotRecords hot = new HotRecords(HOT_RECORDS);
  /** The maxSize bound, or null when the cache is not bounded. */
  private final KeyBound bound;
  private final Evictions evictions;
  private final Lock readLock;
  private final Lock writeLock;
  /** Held by each change and by a checkpoint while it takes MapDB's commit: no change runs into it. */
  private final Lock changeGate = new ReentrantLock();
  private final ScheduledExecutorService background;
  private final AtomicBoolean checkpointQueued = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long checkpointBytes = MIN_CHECKPOINT_BYTES;

  /** Told, once a change is whole and its lock let go, of each entry the bound evicted in it. */
  @FunctionalInterface
  interface Evictions {
    /** Entry {@code key} with {@code record} was evicted. */
    void evicted(byte[] key, byte[] record);
  }

  private LoggedStore(String cacheName, DiskStore store, OpLog log, FsyncPolicy fsync, KeyBound bound,
      Evictions evictions) {
    this.cacheName = cacheName;
    this.bound = bound;
    this.evictions = evictions;
    this.store = store;
    this.log = log;
    this.fsync = fsync;
    ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    this.readLock = lock.readLock();
    this.writeLock = lock.writeLock();
    this.background = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "vela-" + cacheName + "-disk-log");
      thread.setDaemon(true);
      return thread;
    });
    updateCheckpointBytes();
    if (!fsync.isAlways()) {
      long millis = fsync.interval().toMillis();
      background.scheduleWithFixedDelay(this::forceQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens the store of {@code cacheName}, replays the log it has not checkpointed yet, and
   * checkpoints it, so that it starts with an empty log. With a {@code bound}, the bound learns
   * every key held, and entries past it are evicted at once and reported to {@code evictions}.
   */
  static LoggedStore open(DiskOptions options, String cacheName, InstantSource wallClock, KeyBound bound,
      Evictions evictions) {
    DiskStore store = DiskStore.open(options, cacheName, wallClock);
    try {
      StoreFiles files = store.files();
      long last = OpLog.replay(files, store.checkpointedLog(), ops -> ops.forEach(store::apply));
      store.checkpointedLog(last);
      store.commit();
      OpLog.deleteSegmentsThrough(files, last);
      if (bound != null) {
        for (byte[] key : store.entries().keySet()) {
          bound.written(new ByteKey(key));
        }
      }
      LoggedStore opened = new LoggedStore(cacheName, store, OpLog.start(files, last + 1), options.fsync(), bound,
          evictions);
      opened.write(writer -> null); // evicts what a smaller maxSize than last time no longer holds
      return opened;
    } catch (IOException e) {
      store.close();
      throw new VelaException("cache '" + cacheName + "' cannot replay or start its operation log beside "
          + store.files().store() + ": " + e, e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The record under {@code key}, or null; {@code use} says whether the read counts for the eviction policy. */
  byte[] get(ByteKey key, boolean use) {
    byte[] record = hot.get(key);
    if (record == null) {
      readLock.lock();
      try {
        record = store.get(key.bytes());
        if (record != null) {
          hot.put(key, record); // under the read lock: no writer can have replaced it meanwhile
        }
      } finally {
        readLock.unlock();
      }
    }
    if (record != null && use && bound != null) {
      bound.read(key);
    }
    return record;
  }

  /** Runs {@code scan} over the store while no change runs; it must not change the store. */
  <T> T read(Function<DiskStore, T> scan) {
    readLock.lock();
    try {
      return scan.apply(store);
    } finally {
      readLock.unlock();
    }
  }

  /**
   * Runs {@code change} alone, logs what it changed as one frame, and returns once that is as
   * durable as {@code fsync} says.
   *
   * @throws VelaException when the log cannot be written or forced
   */
  <T> T write(Function<Writer, T> change) {
    long position;
    T result;
    Writer writer = new Writer();
    changeGate.lock();
    writeLock.lock();
    try {
      result = change.apply(writer);
      writer.evictOverflow();
      if (writer.ops.isEmpty()) {
        return result;
      }
      position = log.append(LogFrames.frame(writer.ops));
      writer.publish();
    } catch (IOException e) {
      writer.forget();
      throw new VelaException("cache '" + cacheName + "' cannot append to its operation log beside "
          + store.files().store() + ": " + e + "; check the disk's free space and permissions", e);
    } catch (RuntimeException | Error e) {
      writer.forget(); // the store may hold part of the change: the hot records must not hide it
      throw e;
    } finally {
      writeLock.unlock();
      changeGate.unlock();
    }
    if (fsync.isAlways()) {
      try {
        log.forceUpTo(position);
      } catch (IOException e) {
        throw new VelaException("cache '" + cacheName + "' wrote a change but cannot force its operation log to"
            + " disk: " + e, e);
      }
    }
    if (log.bytesInSegment() >= checkpointBytes) {
      requestCheckpoint();
    }
    writer.reportEvictions();
    return result;
  }

  /** The log size at which the next checkpoint is due, from the store file's size now. */
  private void updateCheckpointBytes() {
    try {
      checkpointBytes = Math.max(MIN_CHECKPOINT_BYTES, Files.size(store.files().store()) / 4);
    } catch (IOException e) {
      checkpointBytes = MIN_CHECKPOINT_BYTES;
    }
  }

  /** Asks the background thread for a checkpoint, unless one is already asked for. */
  void requestCheckpoint() {
    if (checkpointQueued.compareAndSet(false, true) && !closed.get()) {
      background.execute(() -> {
        checkpointQueued.set(false);
        try {
          checkpoint();
        } catch (RuntimeException | IOException e) {
          // the log keeps every change meanwhile; the next request tries again
          LOG.warn("cache '{}' could not checkpoint its store; its operation log keeps the changes", cacheName, e);
        }
      });
    }
  }

  /**
   * Commits the store and deletes the log segments it then holds. Changes wait only while a new
   * segment starts and the store's changed pages are taken; the pages are written afterwards, while
   * changes go on (into the new segment and the next commit) and reads find the taken pages in
   * memory.
   */
  void checkpoint() throws IOException {
    FileChannel next = log.prepareNext();
    long closedSegment;
    changeGate.lock();
    try {
      writeLock.lock();
      try {
        closedSegment = log.rotate(next);
        store.checkpointedLog(closedSegment);
      } finally {
        writeLock.unlock();
      }
      store.takeCommit(); // MapDB's reads may run meanwhile; its writes may not
    } finally {
      changeGate.unlock();
    }
    store.writeCommit();
    log.deleteThrough(closedSegment);
    updateCheckpointBytes();
  }

  private void forceQuietly() {
    try {
      if (log.hasUnforced()) {
        log.force();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cache '{}' could not force its operation log to disk; the next interval tries again", cacheName, e);
    }
  }

  /** The maxSize bound, when the cache has one. */
  Optional<KeyBound> bound() {
    return Optional.ofNullable(bound);
  }

  /** The store's files. */
  StoreFiles files() {
    return store.files();
  }

  /** How the {@code fsync} option reads in {@code inspect()}. */
  String describeFsync() {
    return fsync.describe();
  }

  /** Stops the background thread, checkpoints what is left, deletes the log and closes the store. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    background.shutdown();
    try {
      if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("cache '{}': a checkpoint did not finish within 30s of close", cacheName);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    changeGate.lock();
    writeLock.lock();
    try {
      long last = log.segmentNumber();
      log.close();
      store.checkpointedLog(last);
      store.commit();
      OpLog.deleteSegmentsThrough(store.files(), last);
    } catch (IOException e) {
      LOG.warn("cache '{}' could not close its operation log; the next open replays it", cacheName, e);
    } finally {
      try {
        store.close();
      } finally {
        writeLock.unlock();
        changeGate.unlock();
      }
    }
  }

  /**
   * The changes of one {@link #write}: each is made in the store at once and logged when the write
   * ends. {@link HotRecords} keeps the records from before the write until it ends (readers that
   * miss it wait for the write lock), then takes the new ones: a single change directly; several by
   * first dropping every changed key, then adding the new records, so that a reader that finds one
   * new record finds every other changed key missing and reads the store, under the lock, never
   * seeing half of a write.
   */
  final class Writer {
    private final List<LogOp> ops = new ArrayList<>(1);
    private List<LogOp.Put> evicted = List.of();

    private Writer() {}

    /** The record under {@code key}, or null; not a use for the eviction policy. */
    byte[] get(byte[] key) {
      return store.get(key); // not the hot records: they may be older than this write's changes
    }

    /** Stores {@code record} under {@code key}; returns the record it replaced, or null. */
    byte[] put(byte[] key, byte[] record) {
      ByteKey byteKey = new ByteKey(key);
      byte[] previous = store.put(key, record);
      ops.add(new LogOp.Put(key, record));
      if (bound != null) {
        bound.written(byteKey);
      }
      return previous;
    }

    /** Removes the record under {@code key}; returns it, or null when there was none. */
    byte[] remove(byte[] key) {
      ByteKey byteKey = new ByteKey(key);
      byte[] previous = store.remove(key);
      if (previous != null) {
        ops.add(new LogOp.Delete(key));
      }
      if (bound != null) {
        bound.removed(byteKey);
      }
      return previous;
    }

    /** Removes every record. */
    void clear() {
      store.clear();
      ops.add(new LogOp.Clear());
      if (bound != null) {
        bound.cleared();
      }
    }

    /** Evicts, within this change, the entries the bound no longer holds. */
    private void evictOverflow() {
      if (bound == null) {
        return;
      }
      for (ByteKey victim = bound.victim(); victim != null; victim = bound.victim()) {
        byte[] record = remove(victim.bytes());
        if (record != null) {
          if (evicted.isEmpty()) {
            evicted = new ArrayList<>(1);
          }
          evicted.add(new LogOp.Put(victim.bytes(), record));
        }
      }
    }

    private void reportEvictions() {
      evicted.forEach(entry -> evictions.evicted(entry.key(), entry.record()));
    }

    /** Lets readers find the new records in memory, once the write is whole. */
    private void publish() {
      if (ops.size() > 1) {
        forget();
      }
      for (LogOp op : ops) {
        if (op instanceof LogOp.Put put) {
          hot.put(new ByteKey(put.key()), put.record());
        } else if (op instanceof LogOp.Delete delete) {
          hot.remove(new ByteKey(delete.key()));
        } else {
          hot.clear();
        }
      }
    }

    /** Drops every key this write changed from the hot records, so that reads of them go to the store. */
    private void forget() {
      for (LogOp op : ops) {
        if (op instanceof LogOp.Put put) {
          hot.remove(new ByteKey(put.key()));
        } else if (op instanceof LogOp.Delete delete) {
          hot.remove(new ByteKey(delete.key()));
        } else {
          hot.clear();
        }
      }
    }

    /** The store, for scans of its indexes; changes go through this writer. */
    DiskStore store() {
      return store;
    }
  }
}
