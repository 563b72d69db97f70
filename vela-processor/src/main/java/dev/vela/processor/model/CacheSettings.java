package dev.vela.processor.model;

import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every {@code @VelaCache} attribute of one cache, checked and parsed. Durations keep
 * their written text beside the parsed value; options keep their declaration order.
 *
 * @param name the cache's name (the interface's simple name when the annotation gives none)
 * @param backend where entries live
 * @param backendOptions the {@code backendOpts}, in declaration order
 * @param topology which node holds which key
 * @param topologyOptions the {@code topologyOpts}, in declaration order
 * @param defaultTtl time to live of entries put without their own
 * @param maxSize the most entries, or -1 for no limit
 * @param evictionPolicy what leaves when a limit is reached: as written, else as the limits imply
 * @param stampedeProtection whether concurrent fetches of one key are shared
 * @param stampedeTimeout how long a caller waits for another's fetch
 * @param statsEnabled whether counters are kept
 * @param telemetryPrefix the parts of meter names
 * @param sweepInterval how often expired entries are swept
 * @param nearCache whether a local L1 sits in front
 * @param nearCacheL1Ttl time to live of entries in the L1
 * @param maxWeight the most total weight, or -1 for no limit
 * @param weigher the qualified name of the weigher class, if one is named
 * @param evictionPolicyWritten whether {@code evictionPolicy} is written in the annotation; if not,
 *     the builder chooses it, so that a limit set on the builder evicts by its default too
 */
public record CacheSettings(
    String name,
    Backend backend,
    List<OptionSetting> backendOptions,
    Topology topology,
    List<OptionSetting> topologyOptions,
    DurationSetting defaultTtl,
    long maxSize,
    EvictionPolicy evictionPolicy,
    boolean stampedeProtection,
    DurationSetting stampedeTimeout,
    boolean statsEnabled,
    List<String> telemetryPrefix,
    DurationSetting sweepInterval,
    boolean nearCache,
    DurationSetting nearCacheL1Ttl,
    long maxWeight,
    Optional<String> weigher,
    boolean evictionPolicyWritten) {

  /** Checks that nothing is null and copies the lists. */
  public CacheSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backend, "backend");
    backendOptions = List.copyOf(backendOptions);
    Objects.requireNonNull(topology, "topology");
    topologyOptions = List.copyOf(topologyOptions);
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    Objects.requireNonNull(evictionPolicy, "evictionPolicy");
    Objects.requireNonNull(stampedeTimeout, "stampedeTimeout");
    telemetryPrefix = List.copyOf(telemetryPrefix);
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(nearCacheL1Ttl, "nearCacheL1Ttl");
    Objects.requireNonNull(weigher, "weigher");
  }

  /** Every option, backend options first, each list in declaration order. */
  public List<OptionSetting> allOptions() {
    return Stream.concat(backendOptions.stream(), topologyOptions.stream()).toList();
  }
}
