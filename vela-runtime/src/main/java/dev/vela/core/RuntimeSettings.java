package dev.vela.core;

import dev.vela.cluster.VelaCluster;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What a cache takes at run time besides its configuration: the clock, the sweeper and, for a
 * clustered cache, the node to join.
 *
 * @param clock the time source of expiry
 * @param sweeper the sweeper that removes expired entries
 * @param cluster the cluster node a clustered cache joins, or null for the JVM's shared node
 */
record RuntimeSettings(InstantSource clock, Sweeper sweeper, VelaCluster cluster) {
  RuntimeSettings {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(sweeper, "sweeper must not be null");
  }

  /** Settings with this clock and the JVM's shared sweeper. */
  RuntimeSettings(InstantSource clock) {
    this(clock, Sweeper.shared(), null);
  }

  /** Settings with this clock and sweeper, and the shared cluster node. */
  RuntimeSettings(InstantSource clock, Sweeper sweeper) {
    this(clock, sweeper, null);
  }

  /** Settings with this clock, the JVM's shared sweeper and this cluster node (null for the shared one). */
  RuntimeSettings(InstantSource clock, VelaCluster cluster) {
    this(clock, Sweeper.shared(), cluster);
  }
}
