package dev.vela.core;

import dev.vela.config.CacheConfig;
import dev.vela.telemetry.CacheListener;
import dev.vela.telemetry.CacheTelemetry;
import dev.vela.telemetry.micrometer.MicrometerTelemetry;
import dev.vela.topology.CacheTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The listeners and meter registry a builder was given. The registry is held as an {@code Object}
 * and only cast inside {@link #openMeters}, which runs only when there is one, so that a cache
 * without a registry never loads a Micrometer class and runs without Micrometer on the class path.
 *
 * @param listeners the listeners, in the order given
 * @param meterRegistry a Micrometer {@code MeterRegistry}, or null for none
 */
record TelemetrySettings(List<CacheListener> listeners, Object meterRegistry) {
  /** No listener, no registry: caches do no telemetry work. */
  static final TelemetrySettings NONE = new TelemetrySettings(List.of(), null);

  TelemetrySettings {
    listeners = List.copyOf(listeners);
  }

  /** The telemetry of a cache, or null when there is nothing to report to. */
  CacheTelemetry open(CacheConfig config, StatsCounter stats, CacheTopology<?, ?> topology) {
    if (listeners.isEmpty() && meterRegistry == null) {
      return null;
    }
    List<CacheListener> all = new ArrayList<>(listeners);
    if (meterRegistry == null) {
      return CacheTelemetry.create(config.name(), all, () -> {});
    }
    MicrometerTelemetry meters = openMeters(config, stats, topology);
    all.add(meters);
    return CacheTelemetry.create(config.name(), all, meters::close);
  }

  private MicrometerTelemetry openMeters(CacheConfig config, StatsCounter stats, CacheTopology<?, ?> topology) {
    return MicrometerTelemetry.bind(
        (MeterRegistry) meterRegistry, config.name(), config.telemetryPrefix(), stats::snapshot, topology::size);
  }
}
