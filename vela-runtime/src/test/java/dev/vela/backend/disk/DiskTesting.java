package dev.vela.backend.disk;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.DecodeErrorListener;
import dev.vela.backend.RemovalListener;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import java.time.InstantSource;

/** Disk caches and backends for tests, with background sweeps off. */
final class DiskTesting {
  private DiskTesting() {}

  /** A builder of a DISK {@code Cache<String, String>} named {@code name} storing under {@code dataDir}. */
  static CacheBuilder<String, String, Cache<String, String>> strings(String name, Path dataDir, InstantSource clock) {
    return builder(TestCodecs.string(), TestCodecs.string(), name, dataDir, clock);
  }

  /** A builder of a DISK cache of these types. */
  static <K, V> CacheBuilder<K, V, Cache<K, V>> builder(
      TypeCodec<K> key, TypeCodec<V> value, String name, Path dataDir, InstantSource clock) {
    return new CacheBuilder<K, V, Cache<K, V>>(new CacheTypes<>(key, value), name, Backend.DISK, Topology.LOCAL, c -> c)
        .option("dataDir", dataDir.toString())
        .clock(clock)
        .sweepInterval(Durations.INFINITE);
  }

  /** A context for a string backend opened from {@code builder}'s settings. */
  static BackendContext<String, String> context(
      CacheBuilder<String, String, Cache<String, String>> builder,
      InstantSource clock,
      RemovalListener<String, String> removals,
      DecodeErrorListener decodeErrors) {
    return new BackendContext<>(
        builder.config(), new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), clock, removals, decodeErrors);
  }
}
