package dev.vela.core;

import dev.vela.Cache;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.telemetry.CacheListener;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts a cache from what its builder was given: the one door from the builder into the core.
 * Not API: this package is not exported, and the builder is its caller.
 */
public final class CacheStarter {
  private CacheStarter() {}

  /**
   * Starts the cache that {@code config} describes, with {@code types}' codecs.
   *
   * @throws dev.vela.VelaException when the backend or topology is not available, or the settings do not fit
   */
  public static <K, V> Cache<K, V> start(CacheConfig config, CacheTypes<K, V> types, Options options) {
    Objects.requireNonNull(options, "options");
    TelemetrySettings telemetry = new TelemetrySettings(options.listeners(), options.meterRegistry());
    Sweeper sweeper = options.scheduler() == null
        ? Sweeper.shared()
        : new Sweeper(new GivenSweepScheduler(options.scheduler()));
    return CacheFactory.open(
        config, types, new RuntimeSettings(options.clock(), sweeper, telemetry, options.cluster(), options.executor()));
  }

  /**
   * What a cache runs with besides its settings.
   *
   * @param clock the time source of expiry
   * @param listeners the telemetry listeners, in the order given
   * @param meterRegistry a Micrometer {@code MeterRegistry}, or null; held as an {@code Object} so that a
   *     cache without one loads no Micrometer class
   * @param cluster the cluster node a clustered cache joins, or null for the JVM's shared node
   * @param executor runs the cache's short background tasks
   * @param scheduler runs the cache's sweeps, or null for the JVM's shared sweeper
   */
  public record Options(InstantSource clock, List<CacheListener> listeners, Object meterRegistry, VelaCluster cluster,
      Executor executor, ScheduledExecutorService scheduler) {
    /** Checks that the clock, listeners and executor are there, and copies the listeners. */
    public Options {
      Objects.requireNonNull(clock, "clock");
      listeners = List.copyOf(listeners);
      Objects.requireNonNull(executor, "executor");
    }
  }
}
