package dev.vela.core;

import java.time.InstantSource;
import java.util.Objects;

/**
 * What a cache takes at run time besides its configuration: the clock, the sweeper and its
 * telemetry (later also the cluster).
 *
 * @param clock the time source of expiry
 * @param sweeper the sweeper that removes expired entries
 * @param telemetry the listeners and meter registry to report to
 */
record RuntimeSettings(InstantSource clock, Sweeper sweeper, TelemetrySettings telemetry) {
  RuntimeSettings {
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(sweeper, "sweeper must not be null");
    Objects.requireNonNull(telemetry, "telemetry must not be null");
  }

  /** Settings with this clock and sweeper, and no telemetry. */
  RuntimeSettings(InstantSource clock, Sweeper sweeper) {
    this(clock, sweeper, TelemetrySettings.NONE);
  }

  /** Settings with this clock, the JVM's shared sweeper, and no telemetry. */
  RuntimeSettings(InstantSource clock) {
    this(clock, Sweeper.shared());
  }
}
