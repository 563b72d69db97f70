package dev.vela.core;

import dev.vela.cluster.VelaCluster;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * What a cache takes at run time besides its configuration: the clock, the sweeper, its telemetry,
 * the executor of its short background tasks and, for a clustered cache, the node to join.
 *
 * @param clock the time source of expiry
 * @param sweeper the sweeper that removes expired entries
 * @param telemetry the listeners and meter registry to report to
 * @param cluster the cluster node a clustered cache joins, or null for the JVM's shared node
 * @param executor runs the cache's short background tasks (eviction bookkeeping, hand-offs off a
 *     network thread); the common pool unless the builder was given one
 */
record RuntimeSettings(
    InstantSource clock, Sweeper sweeper, TelemetrySettings telemetry, VelaCluster cluster, Executor executor) {
  RuntimeSettings {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(sweeper, "sweeper must not be null");
    Objects.requireNonNull(telemetry, "telemetry must not be null");
    Objects.requireNonNull(executor, "executor must not be null");
  }

  /** Settings with this clock and sweeper, no telemetry, the shared cluster node and the common pool. */
  RuntimeSettings(InstantSource clock, Sweeper sweeper) {
    this(clock, sweeper, TelemetrySettings.NONE, null, ForkJoinPool.commonPool());
  }

  /** Settings with this clock, the JVM's shared sweeper, no telemetry, and the shared cluster node. */
  RuntimeSettings(InstantSource clock) {
    this(clock, Sweeper.shared());
  }
}
