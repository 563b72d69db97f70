package dev.vela.benchmarks;

import dev.vela.Cache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bytes on disk per entry: writes a number of small {@link LineItem} entries (a million unless the
 * first argument says otherwise) to a DISK cache in batches of 1,000, closes it, and prints the
 * store's size divided by the count.
 *
 * <p>{@code java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.DiskSizeMain 1000000}
 */
public final class DiskSizeMain {
  private DiskSizeMain() {}

  /** Runs the measurement; {@code args[0]} is the entry count. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dataDir = Files.createTempDirectory("vela-disk-size");
    try {
      long started = System.nanoTime();
      try (Cache<String, LineItem> cache = DiskCaches.open("size", dataDir, "1s")) {
        Map<String, LineItem> batch = new HashMap<>();
        for (int i = 0; i < count; i++) {
          batch.put(DiskCaches.key(i), DiskCaches.item(i));
          if (batch.size() == 1_000 || i == count - 1) {
            cache.putAll(batch);
            batch.clear();
          }
        }
        if (cache.size() != count) {
          throw new IllegalStateException("expected " + count + " entries, found " + cache.size());
        }
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      long bytes;
      try (Stream<Path> files = Files.list(dataDir)) {
        bytes = files.mapToLong(file -> file.toFile().length()).sum();
      }
      System.out.printf("%d entries: %,d bytes on disk, %.1f bytes per entry (written in %ds)%n",
          count, bytes, (double) bytes / count, seconds);
    } finally {
      DiskCaches.delete(dataDir);
    }
  }
}
