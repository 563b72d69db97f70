package dev.vela.backend.disk;

import dev.vela.codec.StableHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where one cache's store lives: {@code <dataDir>/<escaped name>.vela.db}, its redo log {@code
 * <escaped name>.vela.db.redo}, the segments of its operation log {@code <escaped
 * name>.vela.db.log-<number>} and the lock file {@code <escaped name>.vela.lock} beside it.
 *
 * @param dataDir the directory of the store
 * @param store the MapDB file
 * @param lock the file that names the process holding the store
 */
record StoreFiles(Path dataDir, Path store, Path lock) {
  /** Longer escaped names are cut and given a hash, to stay far below file systems' 255-byte limit. */
  private static final int MAX_STEM = 100;

  /** The files of cache {@code cacheName} under {@code dataDir}. */
  static StoreFiles of(Path dataDir, String cacheName) {
    String stem = stem(cacheName);
    return new StoreFiles(dataDir, dataDir.resolve(stem + ".vela.db"), dataDir.resolve(stem + ".vela.lock"));
  }

  /** The redo log that makes each commit of the store atomic, see {@link RedoLog}. */
  Path redoLog() {
    return store.resolveSibling(store.getFileName() + ".redo");
  }

  /** The start of the names of the operation log's segments, see {@link OpLog}. */
  String logSegmentPrefix() {
    return store.getFileName() + ".log-";
  }

  /** The operation log's segment number {@code number}. */
  Path logSegment(long number) {
    return dataDir.resolve(logSegmentPrefix() + String.format(Locale.ROOT, "%012d", number));
  }

  /**
   * The cache name as a safe file name: ASCII letters, digits, {@code -} and {@code _} are kept,
   * every other byte of its UTF-8 becomes {@code %XX}, so no name can climb out of the directory or
   * collide with another name. Upper-case letters are escaped too, so that names differing only in
   * case stay apart on case-insensitive file systems.
   */
  static String stem(String cacheName) {
    StringBuilder out = new StringBuilder();
    for (byte b : cacheName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    if (out.length() <= MAX_STEM) {
      return out.toString();
    }
    long hash = StableHash.hash64(cacheName.getBytes(StandardCharsets.UTF_8));
    return out.substring(0, MAX_STEM - 17) + "~" + String.format(Locale.ROOT, "%016x", hash);
  }
}
