package dev.vela.core;

import java.time.InstantSource;
import java.util.Objects;

/**
 * What a cache takes at run time besides its configuration: the clock and the sweeper (later also
 * registries and the cluster).
 *
 * @param clock the time source of expiry
 * @param sweeper the sweeper that removes expired entries
 */
record RuntimeSettings(InstantSource clock, Sweeper sweeper) {
  RuntimeSettings {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(sweeper, "sweeper must not be null");
  }

  /** Settings with this clock and the JVM's shared sweeper. */
  RuntimeSettings(InstantSource clock) {
    this(clock, Sweeper.shared());
  }
}
