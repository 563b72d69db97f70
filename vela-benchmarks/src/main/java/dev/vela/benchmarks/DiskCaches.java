package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** DISK caches of {@link LineItem} by SKU for the disk benchmarks, as generated code would build them. */
final class DiskCaches {
  private DiskCaches() {}

  /** A DISK cache named {@code name} under {@code dataDir}, forcing writes to disk as {@code fsync} says. */
  static Cache<String, LineItem> open(String name, Path dataDir, String fsync) {
    CacheTypes<String, LineItem> types = new CacheTypes<>(
        TypeCodec.of("java.lang.String", Codecs.STRING),
        TypeCodec.of("dev.vela.benchmarks.LineItem", new LineItemCodec()));
    return new CacheBuilder<String, LineItem, Cache<String, LineItem>>(
            types, name, Backend.DISK, Topology.LOCAL, cache -> cache)
        .option("dataDir", dataDir.toString())
        .option("fsync", fsync)
        .sweepInterval(Durations.INFINITE)
        .create();
  }

  /**
   * The bytes the operation log takes for one put of a typical entry: a thousand puts into a new
   * store under {@code dir}, the growth of its log files divided by a thousand.
   */
  static int logBytesPerPut(Path dir) throws IOException {
    Files.createDirectories(dir);
    int puts = 1_000;
    try (Cache<String, LineItem> cache = open("sizing", dir, "1h")) {
      long before = logBytes(dir);
      for (int i = 0; i < puts; i++) {
        cache.put(key(100_000 + i), item(100_000 + i));
      }
      return (int) ((logBytes(dir) - before) / puts);
    } finally {
      delete(dir);
    }
  }

  private static long logBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().contains(".log-")).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  /** The small record stored under key number {@code i}. */
  static LineItem item(int i) {
    return new LineItem("SKU-" + i, 1 + i % 9, BigDecimal.valueOf(199 + i % 1000, 2));
  }

  /** The key of entry number {@code i}. */
  static String key(int i) {
    return "sku:" + i;
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
