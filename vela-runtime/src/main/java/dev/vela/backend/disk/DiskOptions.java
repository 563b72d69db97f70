package dev.vela.backend.disk;

import dev.vela.VelaException;
import dev.vela.config.CacheConfig;
import dev.vela.config.FsyncPolicy;
import dev.vela.config.OptionCatalog;
import dev.vela.config.Placeholders;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The DISK backend's options of one cache, placeholders resolved.
 *
 * @param dataDir the directory holding the cache's store
 * @param onCorruption what to do with a store file that cannot be read
 * @param fsync when writes are forced to disk: before each is acknowledged, or every interval
 */
record DiskOptions(Path dataDir, OnCorruption onCorruption, FsyncPolicy fsync) {
  static final String DATA_DIR = OptionCatalog.DATA_DIR.optionName();

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
    OnCorruption onCorruption = OnCorruption.parse(OptionCatalog.ON_CORRUPTION.checkedIn(name, config.backendOptions()));
    return new DiskOptions(dataDir, onCorruption, fsync(name, config));
  }

  private static FsyncPolicy fsync(String cacheName, CacheConfig config) {
    return FsyncPolicy.parse(OptionCatalog.FSYNC.checkedIn(cacheName, config.backendOptions()));
  }
}
