package dev.vela;

import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.config.CacheNameRule;
import dev.vela.config.DurationLimits;
import dev.vela.config.Durations;
import dev.vela.config.EvictionRules;
import dev.vela.config.OptionCatalog;
import dev.vela.core.CacheStarter;
import dev.vela.telemetry.CacheListener;
import dev.vela.telemetry.MeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Builds one cache. A generated {@code Vela<Name>.builder()} returns one preset with the
 * annotation's settings; each setter overrides one of them at run time and checks its argument at
 * once, and {@link #create()} starts the cache.
 *
 * <pre>{@code
 * UserCache cache = VelaUserCache.builder()
 *     .defaultTtl(Duration.ofMinutes(1))
 *     .option("url", "redis://cache.internal:6379")
 *     .create();
 * }</pre>
 *
 * <p>The backend and topology are fixed by the annotation, because the processor checks the key
 * and value types against them at compile time.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the user's cache interface
 */
public final class CacheBuilder<K, V, C extends Cache<K, V>> {
  private final CacheTypes<K, V> types;
  private final Function<? super Cache<K, V>, ? extends C> wrapper;
  private final Backend backend;
  private final Topology topology;
  private final Map<String, String> backendOptions = new LinkedHashMap<>();
  private final Map<String, String> topologyOptions = new LinkedHashMap<>();
  private String name;
  private Duration defaultTtl = Durations.INFINITE;
  private long maxSize = -1;
  private long maxWeight = -1;
  private Weigher<? super K, ? super V> weigher;
  private EvictionPolicy evictionPolicy; // null: not written, chosen by EvictionRules
  private boolean stampedeProtection = true;
  private Duration stampedeTimeout = Duration.ofSeconds(5);
  private boolean statsEnabled = true;
  private List<String> telemetryPrefix = List.of("vela", "cache");
  private Duration sweepInterval = Duration.ofSeconds(30);
  private boolean nearCache;
  private Duration nearCacheL1Ttl = Duration.ofSeconds(60);
  private InstantSource clock = InstantSource.system();
  private final List<CacheListener> listeners = new ArrayList<>();
  private Object meterRegistry; // a MeterRegistry, held as an Object so that none is loaded without one
  private VelaCluster cluster; // null: the JVM's shared node
  private Executor executor = ForkJoinPool.commonPool();
  private ScheduledExecutorService scheduler; // null: the JVM's shared sweeper thread

  /**
   * A builder for generated code: the cache's types and codecs, its name, backend and topology,
   * and the function that wraps the runtime's cache in the generated class.
   */
  public CacheBuilder(
      CacheTypes<K, V> types,
      String name,
      Backend backend,
      Topology topology,
      Function<? super Cache<K, V>, ? extends C> wrapper) {
    this.types = Objects.requireNonNull(types, "types");
    name(name);
    this.backend = Objects.requireNonNull(backend, "backend");
    this.topology = Objects.requireNonNull(topology, "topology");
    this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
  }

  /** The cache's name: not blank, at most {@value CacheNameRule#MAX_LENGTH} characters. */
  public CacheBuilder<K, V, C> name(String name) {
    Objects.requireNonNull(name, "name");
    CacheNameRule.problem(name).ifPresent(problem -> {
      throw new IllegalArgumentException("cache name \"" + name + "\" " + problem);
    });
    this.name = name;
    return this;
  }

  /** Time to live of entries put without their own: positive, or {@link dev.vela.Expiry#NEVER}. */
  public CacheBuilder<K, V, C> defaultTtl(Duration defaultTtl) {
    this.defaultTtl = DurationLimits.DEFAULT_TTL.check(defaultTtl);
    return this;
  }

  /**
   * The most entries (at least 1), or -1 for no limit. Without an {@link #evictionPolicy}, a limit
   * evicts by {@link EvictionPolicy#ADAPTIVE}.
   */
  public CacheBuilder<K, V, C> maxSize(long maxSize) {
    EvictionRules.limitProblem("maxSize", maxSize).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    this.maxSize = maxSize;
    return this;
  }

  /**
   * The most total weight (at least 1), as the {@link #weigher} counts it, or -1 for no limit; not
   * together with {@link #maxSize}. Without an {@link #evictionPolicy}, it evicts by ADAPTIVE.
   */
  public CacheBuilder<K, V, C> maxWeight(long maxWeight) {
    EvictionRules.limitProblem("maxWeight", maxWeight).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    this.maxWeight = maxWeight;
    return this;
  }

  /** The weight of each entry, counted against {@link #maxWeight} when the entry is written. */
  public CacheBuilder<K, V, C> weigher(Weigher<? super K, ? super V> weigher) {
    this.weigher = Objects.requireNonNull(weigher, "weigher");
    return this;
  }

  /** What leaves when {@code maxSize} or {@code maxWeight} is reached; ADAPTIVE unless set. */
  public CacheBuilder<K, V, C> evictionPolicy(EvictionPolicy evictionPolicy) {
    this.evictionPolicy = Objects.requireNonNull(evictionPolicy, "evictionPolicy");
    return this;
  }

  /** Whether concurrent fetches of one missing key share a single fetch. */
  public CacheBuilder<K, V, C> stampedeProtection(boolean stampedeProtection) {
    this.stampedeProtection = stampedeProtection;
    return this;
  }

  /** How long a caller waits for another caller's fetch of the same key: positive and finite. */
  public CacheBuilder<K, V, C> stampedeTimeout(Duration stampedeTimeout) {
    this.stampedeTimeout = DurationLimits.STAMPEDE_TIMEOUT.check(stampedeTimeout);
    return this;
  }

  /** Whether counters are kept; without them {@code stats()} returns zeros. */
  public CacheBuilder<K, V, C> statsEnabled(boolean statsEnabled) {
    this.statsEnabled = statsEnabled;
    return this;
  }

  /** The parts of telemetry meter names, each a non-empty run of letters, digits and underscores. */
  public CacheBuilder<K, V, C> telemetryPrefix(String... parts) {
    Objects.requireNonNull(parts, "telemetryPrefix");
    for (String part : parts) {
      if (!MeterNames.isValidPrefixPart(part)) {
        throw new IllegalArgumentException(
            "telemetryPrefix part \"" + part + "\" must start with a letter and hold only letters, digits and _");
      }
    }
    this.telemetryPrefix = List.of(parts);
    return this;
  }

  /** How often the sweeper removes expired entries: positive, or {@link dev.vela.Expiry#NEVER} for never. */
  public CacheBuilder<K, V, C> sweepInterval(Duration sweepInterval) {
    this.sweepInterval = DurationLimits.SWEEP_INTERVAL.check(sweepInterval);
    return this;
  }

  /** Whether a local L1 sits in front of the backend and topology. */
  public CacheBuilder<K, V, C> nearCache(boolean nearCache) {
    this.nearCache = nearCache;
    return this;
  }

  /**
   * Time to live of entries in the near cache's L1: positive and finite. On the system clock, entries
   * that never expire may stay a few milliseconds longer: see the near cache's notes in the README.
   */
  public CacheBuilder<K, V, C> nearCacheL1Ttl(Duration nearCacheL1Ttl) {
    this.nearCacheL1Ttl = DurationLimits.NEAR_CACHE_L1_TTL.check(nearCacheL1Ttl);
    return this;
  }

  /**
   * Sets a backend or topology option by name ({@code dataDir}, {@code url}, {@code cluster}, ...);
   * the value may hold {@code ${NAME:default}} placeholders, resolved by {@link #create()}.
   *
   * @throws IllegalArgumentException when neither this cache's backend nor its topology knows the
   *     name, suggesting the nearest known one
   */
  public CacheBuilder<K, V, C> option(String name, String value) {
    Objects.requireNonNull(name, "option name");
    Objects.requireNonNull(value, () -> "value of option '" + name + "'");
    if (OptionCatalog.namesFor(OptionCatalog.Kind.BACKEND, backend, topology).contains(name)) {
      backendOptions.put(name, value);
    } else if (OptionCatalog.namesFor(OptionCatalog.Kind.TOPOLOGY, backend, topology).contains(name)) {
      topologyOptions.put(name, value);
    } else {
      throw new IllegalArgumentException(unknownOption(name));
    }
    return this;
  }

  /** The time source for expiry; tests pass a clock they can move. */
  public CacheBuilder<K, V, C> clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The executor of the cache's short background tasks: replaying reads into the eviction order of
   * a size-limited memory cache, and work handed off a network thread (turning Redis tracking on
   * again after a reconnect). Tasks never block it for long. The executor stays the caller's: the
   * cache never shuts it down. Without this call, the common {@link ForkJoinPool}.
   */
  public CacheBuilder<K, V, C> executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor must not be null");
    return this;
  }

  /**
   * The scheduler that runs this cache's sweeps of expired entries every {@link #sweepInterval},
   * instead of the one daemon thread ({@code vela-shared-sweeper}) that every other cache of the JVM
   * shares. The scheduler stays the caller's: closing the cache cancels its sweeps and never shuts the
   * scheduler down.
   */
  public CacheBuilder<K, V, C> scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    return this;
  }

  /**
   * Adds a listener that receives an event when a get, put, fetch or tag invalidation ends; call
   * again to add more. Listeners run on the caller's thread; one that throws is logged, not
   * propagated. A cache with no listener and no meter registry does no telemetry work.
   */
  public CacheBuilder<K, V, C> listener(CacheListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    return this;
  }

  /**
   * Reports to Micrometer: timers named from {@code telemetryPrefix} ({@code vela.cache.get}, ...)
   * and the standard cache meters ({@code cache.gets}, {@code cache.size}, ...), removed again when
   * the cache closes. Needs {@code io.micrometer:micrometer-core} on the class path; without this
   * call, no Micrometer class is loaded.
   */
  public CacheBuilder<K, V, C> meterRegistry(MeterRegistry meterRegistry) {
    this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry must not be null");
    return this;
  }

  /**
   * The cluster node a REPLICATED or PARTITIONED cache joins, instead of the JVM's shared node that
   * the {@code cluster} options describe. The node's owner closes it, after this cache.
   *
   * @throws IllegalArgumentException when this cache's topology is LOCAL
   */
  public CacheBuilder<K, V, C> cluster(VelaCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (topology == Topology.LOCAL) {
      throw new IllegalArgumentException(
          "cache '" + name + "' is LOCAL and joins no cluster; use Topology.PARTITIONED or REPLICATED to pass one");
    }
    this.cluster = cluster;
    return this;
  }

  /** The settings as they stand, with the eviction policy a limit without one gets. */
  public CacheConfig config() {
    return new CacheConfig(
        name, backend, backendOptions, topology, topologyOptions, defaultTtl, maxSize, limits().effectivePolicy(),
        stampedeProtection, stampedeTimeout, statsEnabled, telemetryPrefix, sweepInterval, nearCache,
        nearCacheL1Ttl, maxWeight, weigher);
  }

  private EvictionRules.Limits limits() {
    return new EvictionRules.Limits(backend, maxSize, maxWeight, weigher != null, evictionPolicy);
  }

  /**
   * Starts the cache.
   *
   * @throws VelaException when the settings do not fit together (a size limit without a policy
   *     that evicts, say) or the backend cannot start
   */
  public C create() {
    limits().problem().ifPresent(problem -> {
      throw new VelaException("cache '" + name + "': " + problem.message());
    });
    Cache<K, V> cache = CacheStarter.start(
        config(), types, new CacheStarter.Options(clock, listeners, meterRegistry, cluster, executor, scheduler));
    return wrapper.apply(cache);
  }

  private String unknownOption(String optionName) {
    return "cache '" + name + "' (" + backend + ", " + topology + ") has no option '" + optionName + "'"
        + OptionCatalog.unknownHint(optionName, null, backend, topology);
  }

  @Override
  public String toString() {
    return "CacheBuilder" + Arrays.asList(name, backend, topology);
  }
}
