package dev.vela.backend.disk;

import dev.vela.VelaException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a store, held as an OS file lock on the lock file beside it; the file says
 * which process holds it ({@code pid 1234 on host db-7 since ...}), so a second opener can be told.
 * The OS releases the lock when the holder dies, even by SIGKILL; the next holder overwrites the
 * stale text.
 */
final class HolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private HolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code files} for cache {@code cacheName}.
   *
   * @throws VelaException naming the store and its holder when another process, or another cache of
   *     this process, holds it
   */
  static HolderLock acquire(StoreFiles files, String cacheName) {
    FileChannel channel;
    try {
      channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new VelaException("cache '" + cacheName + "' cannot create its lock file " + files.lock() + ": " + e
          + "; check that the directory is writable", e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // another channel of this JVM holds it
      }
      if (lock == null) {
        String holder = readHolder(files);
        channel.close();
        throw heldElsewhere(files, cacheName, holder);
      }
      byte[] text = (describeThisProcess() + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text), 0);
      return new HolderLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new VelaException("cache '" + cacheName + "' cannot lock " + files.lock() + ": " + e, e);
    }
  }

  /** The error for a store that someone else holds, naming the holder as its lock file does. */
  static VelaException heldElsewhere(StoreFiles files, String cacheName, String holder) {
    return new VelaException("cache '" + cacheName + "' cannot open its store " + files.store() + " in " + files.dataDir()
        + ": it is held by " + holder + " (see " + files.lock() + "); give each process its own dataDir, or stop"
        + " the other one first");
  }

  /** What the lock file says about its holder, or a note that it does not say. */
  static String readHolder(StoreFiles files) {
    try {
      String text = Files.readString(files.lock(), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? "another process (its lock file names none yet)" : text;
    } catch (IOException e) {
      return "another process (its lock file cannot be read: " + e.getMessage() + ")";
    }
  }

  private static String describeThisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on host " + host + " since " + Instant.now();
  }

  /** Releases the lock; the file stays, and the next holder overwrites it. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it anyway
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more can be done about a lock file that does not close
    }
  }
}
