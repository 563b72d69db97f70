package dev.vela.backend.disk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * The MapDB volume under a store: a file whose changes are held in memory, page by page, until
 * {@link #sync()}, which commits them atomically through a {@link RedoLog}: the changed pages go to
 * the log and are forced to disk first, and only then into the store file. So the store file only
 * ever holds whole commits, and a crash at any point, in the middle of a commit included, leaves
 * either the commit before or, once the log is replayed at the next open, the commit after.
 *
 * <p>This stands in for MapDB 3.1.0's own transactions, whose write-ahead log does not record
 * every change a commit makes to the file and is not replayed when a store is reopened: a store
 * killed while MapDB copied a commit into it reopened with older, committed entries lost.
 *
 * <p>MapDB's store calls {@code sync()} at each commit, and only then. Thread safety is that of
 * MapDB's own volumes: a caller never reads bytes another thread is writing, which the backend's
 * lock ensures; a commit may run while others read.
 */
final class RedoLoggedVolume extends Volume {
  /** The unit of change the log records. */
  static final int PAGE_SIZE = 4096;
  /** Committed pages kept in memory: 16 MiB. */
  private static final int CLEAN_PAGES = 4096;

  private final Path path;
  private final FileChannel store;
  private final RedoLog log;
  /** Pages changed since the last commit, by page number. */
  private volatile Map<Long, byte[]> dirty = new ConcurrentHashMap<>();
  /** Copies of committed pages, so that MapDB's many small reads of a warm store make no system call. */
  private final CleanPages clean = new CleanPages(CLEAN_PAGES);
  /** Orders commits: one is taken, then written, before the next is taken. */
  private final Object commits = new Object();
  /** The pages of the commit taken and not written yet, by page number; null when none. Guarded by commits. */
  private SortedMap<Long, byte[]> pending;
  /** The store file's length after the pending commit. Guarded by commits. */
  private long pendingLength;
  /** True while {@link #commitDeferred} runs. Guarded by commits. */
  private boolean deferring;
  /** Pages of the commit being written, readable until the store file has them. */
  private volatile Map<Long, byte[]> committing = Map.of();
  /** The store file's length as of the last commit: pages past it read as zeros until written. */
  private volatile long committedLength;
  /** The length MapDB has asked for, committed or not. */
  private volatile long length;
  /** False while the log holds a commit that may not be in the store file in full yet. */
  private volatile boolean logApplied = true;

  private RedoLoggedVolume(Path path, FileChannel store, RedoLog log) throws IOException {
    this.path = path;
    this.store = store;
    this.log = log;
    this.committedLength = store.size();
    this.length = committedLength;
  }

  /**
   * Opens the store file {@code path} with its redo log {@code logPath}, first finishing a commit
   * the log holds in full.
   */
  static RedoLoggedVolume open(Path path, Path logPath) throws IOException {
    RedoLog.recover(logPath, path, PAGE_SIZE);
    FileChannel store = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      return new RedoLoggedVolume(path, store, RedoLog.open(logPath));
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Whether the store file held a committed store when opened. */
  boolean hadStore() {
    return committedLength > 0;
  }

  @Override
  public void ensureAvailable(long offset) {
    long pages = (offset + PAGE_SIZE - 1) / PAGE_SIZE;
    synchronized (this) {
      length = Math.max(length, pages * PAGE_SIZE);
    }
  }

  @Override
  public void truncate(long size) {
    // MapDB truncates only when compacting, which the backend never asks for
    throw new UnsupportedOperationException("the DISK backend's store file does not shrink; compaction is not used");
  }

  @Override
  public void putLong(long offset, long value) {
    write(offset, ByteBuffer.allocate(8).putLong(0, value).array(), 0, 8);
  }

  @Override
  public void putInt(long offset, int value) {
    write(offset, ByteBuffer.allocate(4).putInt(0, value).array(), 0, 4);
  }

  @Override
  public void putByte(long offset, byte value) {
    write(offset, new byte[] {value}, 0, 1);
  }

  @Override
  public void putData(long offset, byte[] src, int srcPos, int srcSize) {
    write(offset, src, srcPos, srcSize);
  }

  @Override
  public void putData(long offset, ByteBuffer buf) {
    byte[] bytes = new byte[buf.remaining()];
    buf.duplicate().get(bytes);
    write(offset, bytes, 0, bytes.length);
  }

  @Override
  public void clear(long startOffset, long endOffset) {
    long at = startOffset;
    while (at < endOffset) {
      long page = at / PAGE_SIZE;
      int within = (int) (at - page * PAGE_SIZE);
      int size = (int) Math.min(PAGE_SIZE - within, endOffset - at);
      // a page past the committed file that nobody wrote reads as zeros already: leave it out of the log
      if (page * PAGE_SIZE < committedLength || dirty.containsKey(page) || committing.containsKey(page)) {
        write(at, new byte[size], 0, size);
      }
      at += size;
    }
  }

  private void write(long offset, byte[] src, int srcPos, int size) {
    long at = offset;
    int from = srcPos;
    int left = size;
    while (left > 0) {
      long page = at / PAGE_SIZE;
      int within = (int) (at - page * PAGE_SIZE);
      int chunk = Math.min(PAGE_SIZE - within, left);
      byte[] bytes = dirty.computeIfAbsent(page, this::copyOfPage);
      System.arraycopy(src, from, bytes, within, chunk);
      at += chunk;
      from += chunk;
      left -= chunk;
    }
    ensureAvailable(offset + size);
  }

  private byte[] copyOfPage(long page) {
    byte[] pending = committing.get(page);
    return (pending != null ? pending : committedPage(page)).clone();
  }

  /**
   * The committed bytes of {@code page}, kept in memory once read. Callers do not change them. The
   * file changes only in {@link #sync()}, which puts each page it writes here, so a kept page is
   * never older than the file.
   */
  private byte[] committedPage(long page) {
    byte[] bytes = clean.get(page);
    if (bytes == null) {
      bytes = new byte[PAGE_SIZE];
      readFromFile(page * PAGE_SIZE, bytes, 0, PAGE_SIZE);
      clean.put(page, bytes);
    }
    return bytes;
  }

  @Override
  public long getLong(long offset) {
    byte[] bytes = new byte[8];
    getData(offset, bytes, 0, 8);
    return ByteBuffer.wrap(bytes).getLong();
  }

  @Override
  public int getInt(long offset) {
    byte[] bytes = new byte[4];
    getData(offset, bytes, 0, 4);
    return ByteBuffer.wrap(bytes).getInt();
  }

  @Override
  public byte getByte(long offset) {
    byte[] bytes = new byte[1];
    getData(offset, bytes, 0, 1);
    return bytes[0];
  }

  @Override
  public DataInput2 getDataInput(long offset, int size) {
    byte[] bytes = new byte[size];
    getData(offset, bytes, 0, size);
    return new DataInput2.ByteArray(bytes);
  }

  @Override
  public void getData(long offset, byte[] bytes, int bytesPos, int size) {
    long at = offset;
    int to = bytesPos;
    int left = size;
    while (left > 0) {
      long page = at / PAGE_SIZE;
      int within = (int) (at - page * PAGE_SIZE);
      int chunk = Math.min(PAGE_SIZE - within, left);
      byte[] changed = dirty.get(page);
      if (changed == null) {
        changed = committing.get(page);
      }
      if (changed == null) {
        changed = committedPage(page);
      }
      System.arraycopy(changed, within, bytes, to, chunk);
      at += chunk;
      to += chunk;
      left -= chunk;
    }
  }

  /** Reads committed bytes; what lies past the end of the file reads as zeros. */
  private void readFromFile(long offset, byte[] bytes, int bytesPos, int size) {
    ByteBuffer into = ByteBuffer.wrap(bytes, bytesPos, size);
    try {
      long at = offset;
      while (into.hasRemaining()) {
        int read = store.read(into, at);
        if (read < 0) {
          Arrays.fill(bytes, into.position(), bytesPos + size, (byte) 0);
          return;
        }
        at += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the store file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Commits every change so far: the changed pages go to the redo log and are forced to disk, then
   * into the store file, which is forced too. Reads go on meanwhile; MapDB makes no change while
   * it takes the pages. Inside {@link #commitDeferred} it only takes the pages, and {@link
   * #writeCommit} writes them later.
   */
  @Override
  public void sync() {
    synchronized (commits) {
      writeCommitLocked(); // a commit taken earlier and not written yet goes first
      Map<Long, byte[]> changed = dirty;
      long newLength = length;
      if (changed.isEmpty() && newLength == committedLength) {
        return;
      }
      committing = changed; // before dirty is replaced, so that a reader finds each page in one or the other
      dirty = new ConcurrentHashMap<>();
      pending = new TreeMap<>(changed);
      pendingLength = newLength;
      if (!deferring) {
        writeCommitLocked();
      }
    }
  }

  /**
   * Runs {@code commit} (MapDB's commit, which calls {@link #sync()}) so that it only takes the
   * changed pages, which is quick; {@link #writeCommit} writes them. Changes made in between go to
   * the next commit, and reads find the taken pages in memory until they are written.
   */
  void commitDeferred(Runnable commit) {
    synchronized (commits) {
      deferring = true;
      try {
        commit.run();
      } finally {
        deferring = false;
      }
    }
  }

  /** Writes the commit {@link #commitDeferred} took, if any: redo log, forced; store file, forced. */
  void writeCommit() {
    synchronized (commits) {
      writeCommitLocked();
    }
  }

  private void writeCommitLocked() {
    Map<Long, byte[]> pages = pending;
    if (pages == null) {
      return;
    }
    try {
      logApplied = false;
      log.write(pendingLength, pages, PAGE_SIZE);
      RedoLog.apply(store, pendingLength, pages, PAGE_SIZE);
      pages.forEach(clean::put); // before committing is let go, so that no reader finds an older copy
      logApplied = true;
      log.clear(); // so that the log takes no space between commits
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit to the store file " + path + ": " + e.getMessage(), e);
    }
    committedLength = pendingLength;
    pending = null;
    committing = Map.of();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // uncommitted changes are dropped, as a crash would drop them
    try (FileChannel closingStore = store; RedoLog closingLog = log) {
      if (logApplied) {
        log.delete(); // nothing left to replay: the next open must not touch the file before reading it
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the store file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int sliceSize() {
    return -1;
  }

  @Override
  public boolean isSliced() {
    return false;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public File getFile() {
    return path.toFile();
  }

  @Override
  public boolean getFileLocked() {
    return false; // the store's own lock file guards it, see HolderLock
  }
}
