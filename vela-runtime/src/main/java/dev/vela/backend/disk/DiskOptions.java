package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.config.Placeholders;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The DISK backend's options of one cache, placeholders resolved.
 *
 * @param dataDir the directory holding the cache's store
 * @param onCorruption what to do with a store file that cannot be read
 * @param commitInterval zero to commit each write before it returns; otherwise how often writes
 *     are committed in the background
 */
record DiskOptions(Path dataDir, OnCorruption onCorruption, Duration commitInterval) {
  static final String DATA_DIR = "dataDir";
  static final String ON_CORRUPTION = "onCorruption";
  static final String COMMIT_INTERVAL = "commitInterval";

  /** Reads and checks the options of {@code config}. */
  static DiskOptions from(CacheConfig config) {
    String name = config.name();
    String rawDir = config.backendOptions().get(DATA_DIR);
    if (rawDir == null) {
      throw new VelaException("cache '" + name + "' uses the DISK backend but has no dataDir option; add"
          + " @Option(name = \"dataDir\", value = \"...\") to backendOpts, or call option(\"dataDir\", ...) on the builder");
    }
    String dir = Placeholders.resolve(DATA_DIR, rawDir);
    if (dir.isBlank()) {
      throw new VelaException("cache '" + name + "' has a blank dataDir (written \"" + rawDir + "\"); name a directory");
    }
    Path dataDir;
    try {
      dataDir = Path.of(dir).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new VelaException("cache '" + name + "' has dataDir \"" + dir + "\", which is not a path: " + e.getMessage(), e);
    }
    OnCorruption onCorruption = OnCorruption.parse(
        name, Placeholders.resolve(ON_CORRUPTION, config.backendOptions().getOrDefault(ON_CORRUPTION, "fail")));
    return new DiskOptions(dataDir, onCorruption, commitInterval(name, config));
  }

  private static Duration commitInterval(String cacheName, CacheConfig config) {
    String raw = config.backendOptions().get(COMMIT_INTERVAL);
    if (raw == null) {
      return Duration.ZERO;
    }
    String text = Placeholders.resolve(COMMIT_INTERVAL, raw);
    if (text.trim().equals("0")) {
      return Duration.ZERO;
    }
    Duration interval;
    try {
      interval = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new VelaException("cache '" + cacheName + "' has commitInterval \"" + text + "\": " + e.getMessage(), e);
    }
    if (Durations.isInfinite(interval) || interval.isNegative() || interval.toMillis() == 0) {
      throw new VelaException("cache '" + cacheName + "' has commitInterval \"" + text + "\"; use 0 to commit each"
          + " write before it returns, or a finite interval of at least 1ms such as \"100ms\"");
    }
    return interval;
  }

  /** True when each write is committed before it returns. */
  boolean commitsEachWrite() {
    return commitInterval.isZero();
  }
}
