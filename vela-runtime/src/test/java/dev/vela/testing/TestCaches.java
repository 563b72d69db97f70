package dev.vela.testing;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;

/** Builders of LOCAL MEMORY caches for tests, with the manual clock and no background sweeps. */
public final class TestCaches {
  private TestCaches() {}

  /** A builder of a {@code Cache<String, String>} named {@code name} on {@code clock}. */
  public static CacheBuilder<String, String, Cache<String, String>> strings(String name, ManualClock clock) {
    return builder(TestCodecs.string(), TestCodecs.string(), name, clock);
  }

  /** A builder of a {@code Cache<Integer, Integer>} named {@code name} on {@code clock}. */
  public static CacheBuilder<Integer, Integer, Cache<Integer, Integer>> integers(String name, ManualClock clock) {
    return builder(TestCodecs.integer(), TestCodecs.integer(), name, clock);
  }

  /** A builder for these types; sweeps are off so that tests sweep when they choose. */
  public static <K, V> CacheBuilder<K, V, Cache<K, V>> builder(
      TypeCodec<K> key, TypeCodec<V> value, String name, ManualClock clock) {
    return new CacheBuilder<K, V, Cache<K, V>>(
            new CacheTypes<>(key, value), name, Backend.MEMORY, Topology.LOCAL, cache -> cache)
        .clock(clock)
        .sweepInterval(Durations.INFINITE);
  }
}
