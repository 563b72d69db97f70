package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.core.CacheBuilder;
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

  /** A DISK cache named {@code name} under {@code dataDir}, committing as {@code commitInterval} says. */
  static Cache<String, LineItem> open(String name, Path dataDir, String commitInterval) {
    CacheTypes<String, LineItem> types = new CacheTypes<>(
        TypeCodec.of("java.lang.String", Codecs.STRING),
        TypeCodec.of("dev.vela.benchmarks.LineItem", new LineItemCodec()));
    return new CacheBuilder<String, LineItem, Cache<String, LineItem>>(
            types, name, Backend.DISK, Topology.LOCAL, cache -> cache)
        .option("dataDir", dataDir.toString())
        .option("commitInterval", commitInterval)
        .sweepInterval(Durations.INFINITE)
        .create();
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
