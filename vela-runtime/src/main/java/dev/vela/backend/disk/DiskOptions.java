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
  static final String DATA_DIR = "dataDir";
  static final String ON_CORRUPTION = "onCorruption";

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
    return new DiskOptions(dataDir, onCorruption, fsync(name, config));
  }

  private static FsyncPolicy fsync(String cacheName, CacheConfig config) {
    String option = OptionCatalog.FSYNC.optionName();
    String text = Placeholders.resolve(option, config.backendOptions().getOrDefault(option, FsyncPolicy.DEFAULT));
    try {
      return FsyncPolicy.parse(text);
    } catch (IllegalArgumentException e) {
      throw new VelaException("cache '" + cacheName + "' has " + option + " \"" + text + "\", which " + e.getMessage(), e);
    }
  }
}
