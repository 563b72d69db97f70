package dev.vela.config;

import dev.vela.Weigher;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one cache, as {@code @VelaCache} declares them and the builder overrides them.
 * Option values are kept as written, placeholders included; they are resolved when the cache
 * starts. Durations use {@link Durations#INFINITE} for "infinity".
 *
 * @param name the cache's name
 * @param backend where entries live
 * @param backendOptions options of the backend, by name
 * @param topology which node holds which key
 * @param topologyOptions options of the topology, by name
 * @param defaultTtl time to live of entries put without their own
 * @param maxSize the most entries, or -1 for no limit
 * @param evictionPolicy what leaves when {@code maxSize} or {@code maxWeight} is reached
 * @param stampedeProtection whether concurrent fetches of one key are shared
 * @param stampedeTimeout how long a caller waits for another's fetch
 * @param statsEnabled whether counters are kept
 * @param telemetryPrefix the parts of meter names
 * @param sweepInterval how often expired entries are swept; infinite turns the sweeper off
 * @param nearCache whether a local L1 sits in front
 * @param nearCacheL1Ttl time to live of entries in the L1
 * @param maxWeight the most total weight, as the {@code weigher} counts it, or -1 for no limit
 * @param weigher the weight of each entry when {@code maxWeight} is set, else null
 */
public record CacheConfig(
    String name,
    Backend backend,
    Map<String, String> backendOptions,
    Topology topology,
    Map<String, String> topologyOptions,
    Duration defaultTtl,
    long maxSize,
    EvictionPolicy evictionPolicy,
    boolean stampedeProtection,
    Duration stampedeTimeout,
    boolean statsEnabled,
    List<String> telemetryPrefix,
    Duration sweepInterval,
    boolean nearCache,
    Duration nearCacheL1Ttl,
    long maxWeight,
    Weigher<?, ?> weigher) {

  /** Checks that nothing is null and copies the collections. */
  public CacheConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    backendOptions = Map.copyOf(backendOptions);
    Objects.requireNonNull(topology, "topology");
    topologyOptions = Map.copyOf(topologyOptions);
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    Objects.requireNonNull(evictionPolicy, "evictionPolicy");
    Objects.requireNonNull(stampedeTimeout, "stampedeTimeout");
    telemetryPrefix = List.copyOf(telemetryPrefix);
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(nearCacheL1Ttl, "nearCacheL1Ttl");
  }

  /** Settings without a weight limit. */
  public CacheConfig(String name, Backend backend, Map<String, String> backendOptions, Topology topology,
      Map<String, String> topologyOptions, Duration defaultTtl, long maxSize, EvictionPolicy evictionPolicy,
      boolean stampedeProtection, Duration stampedeTimeout, boolean statsEnabled, List<String> telemetryPrefix,
      Duration sweepInterval, boolean nearCache, Duration nearCacheL1Ttl) {
    this(name, backend, backendOptions, topology, topologyOptions, defaultTtl, maxSize, evictionPolicy,
        stampedeProtection, stampedeTimeout, statsEnabled, telemetryPrefix, sweepInterval, nearCache, nearCacheL1Ttl,
        -1, null);
  }

  /** True when {@code maxSize} or {@code maxWeight} bounds the cache. */
  public boolean isBounded() {
    return maxSize >= 0 || isWeighted();
  }

  /** True when {@code maxWeight} bounds the cache, with its {@code weigher}. */
  public boolean isWeighted() {
    return maxWeight > 0 && weigher != null;
  }

  /** The settings {@code inspect()} reports for every cache, by name, in a fixed order. */
  public Map<String, String> inspectDetails() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("maxSize", Long.toString(maxSize));
    if (isWeighted()) {
      details.put("maxWeight", Long.toString(maxWeight));
    }
    details.put("evictionPolicy", evictionPolicy.name());
    details.put("defaultTtl", Durations.format(defaultTtl));
    details.put("sweepInterval", Durations.format(sweepInterval));
    details.put("stampedeProtection", Boolean.toString(stampedeProtection));
    details.put("stampedeTimeout", Durations.format(stampedeTimeout));
    details.put("statsEnabled", Boolean.toString(statsEnabled));
    return details;
  }
}
