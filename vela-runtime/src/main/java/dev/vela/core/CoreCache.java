package dev.vela.core;

import dev.vela.Cache;
import dev.vela.CacheClosedException;
import dev.vela.CacheStats;
import dev.vela.PutOptions;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.telemetry.CacheTelemetry;
import dev.vela.topology.CacheTopology;
import dev.vela.topology.KeyText;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cache behind every generated class: it checks arguments, counts stats, runs single-flight
 * fetches and takes key locks, and leaves where entries live to its {@link CacheTopology}.
 *
 * <p>{@link #local()} is a second instance over the topology's node-local variant that shares
 * everything else (stats, locks, fetches, lifecycle) with the cache it came from.
 *
 * <p>Reads that count as hits or misses are {@code get}, {@code getOrThrow}, {@code getOrFetch} and
 * {@code getAll}; {@code exists} and {@code ttl} only look, without counting or touching the eviction order.
 * Without {@link CacheTelemetry} (null), reads, puts, fetches and tag invalidations do no telemetry work.
 * The atomic per-key operations and bulk calls are inherited from {@link AtomicOperations}, the
 * asynchronous calls from {@link AsyncOperations}, export, dump, load, stream and inspect from
 * {@link WholeCacheOperations}; a cache and its {@link #local()} view share one
 * {@link AsyncExecutor}, closed with the cache.
 */
final class CoreCache<K, V> extends WholeCacheOperations<K, V> {
  /** How many expired entries a sweep removes under one lock hold. */
  static final int SWEEP_BATCH = 1024;
  /** True only for the telemetry benchmark's baseline; a constant, so the JIT drops the branches it guards. */
  static final boolean TELEMETRY_BYPASSED = Boolean.getBoolean("dev.vela.core.bypassTelemetry");

  private final CacheConfig config;
  private final CacheTypes<K, V> types;
  private final ExpiryTimes expiry;
  private final StatsCounter stats;
  private final SingleFlight<K, V> flights; // null without stampede protection
  private final FetchPath<K, V> fetches;
  private final KeyLocks locks;
  private final CacheTopology<K, V> topology;
  private final CoreCache<K, V> owner; // the cache whose lifecycle this one shares (itself, or the cache of a view)
  private final CoreCache<K, V> localView;
  private final CacheTelemetry telemetry; // null when nothing listens
  private final AsyncExecutor async;
  private final Runnable sweep = this::sweepExpired; // held here: the sweeper only keeps it weakly
  private volatile boolean closed;
  // true while this cache is open and has no telemetry: a read then checks this one flag of its own
  // instead of the owner's closed flag and the telemetry, which on a read bound by memory is worth
  // the few instructions (see lookup); the owner clears it in both caches when it closes
  private volatile boolean plainReads;
  // the store itself while plainReads holds for a cache whose topology reads its memory store as it
  // is (LOCAL, REPLICATED), else null: such a read goes straight to the store, past the topology
  // and the backend interface, each of which costs the compiled read a load and a type check (see
  // lookup); cleared with plainReads
  private volatile MemoryBackend<K, V> memoryReads;
  private volatile SweepHandle sweeping = SweepHandle.NONE;

  CoreCache(
      CacheConfig config, CacheTypes<K, V> types, ExpiryTimes expiry, StatsCounter stats, CacheTopology<K, V> topology,
      CacheTelemetry telemetry) {
    this.config = config;
    this.types = types;
    this.expiry = expiry;
    this.stats = stats;
    this.flights = config.stampedeProtection() ? new SingleFlight<>(config.name(), config.stampedeTimeout()) : null;
    this.locks = new KeyLocks(config.name());
    this.topology = topology;
    this.telemetry = TELEMETRY_BYPASSED ? null : telemetry;
    this.fetches = new FetchPath<>(config.name(), topology, stats, this.telemetry, flights,
        (key, value, options) -> store(key, value, expiry.expiryFor(options), options.tagSet()));
    this.owner = this;
    this.async = new AsyncExecutor(config.name());
    this.plainReads = this.telemetry == null;
    this.memoryReads = plainReads ? localMemory(topology) : null;
    this.localView = new CoreCache<>(this, topology.nodeLocal());
  }

  private CoreCache(CoreCache<K, V> owner, CacheTopology<K, V> nodeLocal) {
    this.config = owner.config;
    this.types = owner.types;
    this.expiry = owner.expiry;
    this.stats = owner.stats;
    this.flights = owner.flights;
    this.locks = owner.locks;
    this.topology = nodeLocal;
    this.telemetry = owner.telemetry;
    this.fetches = owner.fetches;
    this.owner = owner;
    this.async = owner.async;
    this.plainReads = this.telemetry == null;
    this.memoryReads = plainReads ? localMemory(nodeLocal) : null;
    this.localView = this;
  }

  /** Registers this cache's sweeps with {@code sweeper}; called once, when the cache starts. */
  void startSweeping(Sweeper sweeper) {
    sweeping = sweeper.register(config.name(), config.sweepInterval(), sweep);
  }

  /** Removes expired entries of this node now; the sweeper calls it, and so can tests. */
  long sweepExpired() {
    return topology.localBackend().removeExpired(SWEEP_BATCH);
  }

  @Override
  public Optional<V> get(K key) {
    Objects.requireNonNull(key, "key must not be null");
    V value = lookup(key);
    // not Optional.ofNullable: its branch profile is shared by every caller in the JVM, and once it
    // has seen both outcomes the JIT no longer sees that a caller's hit Optional never escapes
    return value == null ? Optional.empty() : Optional.of(value);
  }

  /**
   * Checks that the cache is open and reads {@code key} as a counted hit or miss; null on a miss.
   * Kept under 35 bytes of bytecode, the size the JIT inlines even at call sites it does not
   * count as hot.
   */
  private V lookup(K key) {
    MemoryBackend<K, V> memory = memoryReads;
    return memory != null ? stats.counted(memory.get(key)) : topologyLookup(key);
  }

  /** {@link #lookup} of a cache whose reads go through its topology. */
  private V topologyLookup(K key) {
    return plainReads ? countedGet(key) : checkedLookup(key);
  }

  /** {@link #lookup} of a cache that has telemetry, or is closed. */
  private V checkedLookup(K key) {
    checkOpen();
    // the constant folds away in the benchmark baseline, leaving a read with no telemetry branch at all
    if (TELEMETRY_BYPASSED || telemetry == null) {
      return countedGet(key);
    }
    long start = telemetry.startTime();
    V value = countedGet(key);
    telemetry.recordGet(key, value != null, start);
    return value;
  }

  private V countedGet(K key) {
    return topology.countedGet(key, stats);
  }

  /** The memory store that {@code topology} reads as it is, which reads can go to directly; else null. */
  private static <K, V> MemoryBackend<K, V> localMemory(CacheTopology<K, V> topology) {
    return topology.readsLocalBackend() && topology.localBackend() instanceof MemoryBackend<K, V> memory
        ? memory
        : null;
  }

  @Override
  public V getOrThrow(K key) {
    Objects.requireNonNull(key, "key must not be null");
    V value = lookup(key); // no Optional in between: a hit allocates nothing
    if (value == null) {
      throw new NoSuchElementException("cache '" + config.name() + "' has no entry for key " + KeyText.of(key));
    }
    return value;
  }

  @Override
  public V getOrDefault(K key, V defaultValue) {
    Objects.requireNonNull(key, "key must not be null");
    V value = lookup(key);
    return value == null ? defaultValue : value;
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(value, "value must not be null");
    checkOpen();
    if (telemetry == null) {
      // the default options, without asking them: their time to live is an Optional
      store(key, value, expiry.defaultExpiry(), Set.of());
      return;
    }
    reportedStore(key, value, PutOptions.defaults());
  }

  @Override
  public void put(K key, V value, PutOptions options) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(options, "options must not be null");
    checkOpen();
    reportedStore(key, value, options);
  }

  private void reportedStore(K key, V value, PutOptions options) {
    if (telemetry == null) {
      store(key, value, expiry.expiryFor(options), options.tagSet());
      return;
    }
    long start = telemetry.startTime();
    boolean stored = false;
    try {
      store(key, value, expiry.expiryFor(options), options.tagSet());
      stored = true;
    } finally {
      Duration ttl = options.isNoExpiry() ? Durations.INFINITE : options.timeToLive().orElse(config.defaultTtl());
      telemetry.recordPut(key, ttl, options.tagSet(), stored, start);
    }
  }

  private void store(K key, V value, long expiresAt, Set<String> tags) {
    WriteGuard write = locks.beginWrite(key);
    try {
      topology.put(key, value, expiresAt, tags);
    } finally {
      write.end();
    }
    stats.recordWrites(1);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    putAll(entries, PutOptions.defaults());
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries, PutOptions options) {
    Objects.requireNonNull(entries, "entries must not be null");
    Objects.requireNonNull(options, "options must not be null");
    Map<K, StoredEntry<V>> stored = new LinkedHashMap<>();
    long expiresAt = expiry.expiryFor(options);
    Set<String> tags = Set.copyOf(options.tagSet()); // copied once, shared by every entry
    entries.forEach((key, value) -> {
      Objects.requireNonNull(key, "entries must not hold a null key");
      Objects.requireNonNull(value, () -> "entries must not hold a null value (key " + KeyText.of(key) + ")");
      stored.put(key, new StoredEntry<>(value, expiresAt, tags));
    });
    checkOpen();
    if (stored.isEmpty()) {
      return;
    }
    topology.requireSingleOwner(stored.keySet());
    storeAll(stored, "putAll", topology::putAll);
  }

  @Override
  public boolean delete(K key) {
    Objects.requireNonNull(key, "key must not be null");
    checkOpen();
    boolean removed;
    WriteGuard write = locks.beginWrite(key);
    try {
      removed = topology.delete(key);
    } finally {
      write.end();
    }
    if (removed) {
      stats.recordDeletes(1);
    }
    return removed;
  }

  @Override
  public boolean exists(K key) {
    Objects.requireNonNull(key, "key must not be null");
    checkOpen();
    return topology.entry(key) != null;
  }

  @Override
  public Optional<Duration> ttl(K key) {
    Objects.requireNonNull(key, "key must not be null");
    checkOpen();
    StoredEntry<V> entry = topology.entry(key);
    return entry == null ? Optional.empty() : expiry.remaining(entry.expiresAtMillis());
  }

  @Override
  public V getOrFetch(K key, Function<? super K, ? extends V> fetcher) {
    return getOrFetch(key, fetcher, PutOptions.defaults());
  }

  @Override
  public V getOrFetch(K key, Function<? super K, ? extends V> fetcher, PutOptions options) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(fetcher, "fetcher must not be null");
    Objects.requireNonNull(options, "options must not be null");
    checkOpen();
    V cached = lookup(key);
    if (cached != null) {
      return cached;
    }
    return fetches.afterMiss(key, fetcher, options);
  }

  @Override
  public long invalidateTag(String tag) {
    PutOptions.checkTag(tag);
    checkOpen();
    if (telemetry == null) {
      return countedInvalidateTag(tag);
    }
    long start = telemetry.startTime();
    long removed = -1;
    try {
      removed = countedInvalidateTag(tag);
      return removed;
    } finally {
      telemetry.recordInvalidateTag(tag, Math.max(0, removed), removed >= 0, start);
    }
  }

  private long countedInvalidateTag(String tag) {
    long removed = whileAllLocked("invalidateTag", () -> topology.invalidateTag(tag));
    stats.recordDeletes(removed);
    return removed;
  }

  @Override
  public void flush() {
    checkOpen();
    stats.recordDeletes(whileAllLocked("flush", topology::flush));
  }

  private long whileAllLocked(String purpose, Supplier<Long> work) {
    return locks.underLocks(locks.allStripes(), purpose, work);
  }

  @Override
  public long size() {
    checkOpen();
    return topology.size();
  }

  @Override
  public CacheStats stats() {
    checkOpen();
    // this node's counters, plus the other nodes' on a distributed cache (but not in local())
    return topology.stats(stats.snapshot());
  }

  @Override
  public Cache<K, V> local() {
    checkOpen();
    return localView;
  }

  @Override
  public <R> R transaction(Collection<? extends K> keys, Function<? super Cache<K, V>, ? extends R> work) {
    Objects.requireNonNull(keys, "keys must not be null");
    Objects.requireNonNull(work, "work must not be null");
    for (K key : keys) {
      Objects.requireNonNull(key, "keys must not hold null");
    }
    checkOpen();
    topology.requireSingleOwner(keys);
    // the key locks here, and the topology's on the keys' owner against other nodes
    return locks.underLocks(
        locks.stripesOf(keys), "a transaction", () -> topology.exclusively(keys, () -> work.apply(this)));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public void close() {
    if (owner != this) {
      owner.close();
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      plainReads = false;
      localView.plainReads = false;
      memoryReads = null;
      localView.memoryReads = null;
    }
    sweeping.cancel();
    try {
      if (telemetry != null) {
        telemetry.close();
      }
      topology.close();
    } finally {
      async.close(); // after the topology: its last answers still reach their callers through it
    }
  }

  /** The key locks; tests also use them to check that a write waits for a transaction. */
  @Override
  KeyLocks locks() {
    return locks;
  }

  @Override
  CacheTopology<K, V> topology() {
    return topology;
  }

  @Override
  StatsCounter counter() {
    return stats;
  }

  @Override
  ExpiryTimes expiryTimes() {
    return expiry;
  }

  @Override
  CacheTelemetry telemetry() {
    return telemetry;
  }

  @Override
  AsyncExecutor asyncExecutor() {
    return async;
  }

  @Override
  Duration defaultTtl() {
    return config.defaultTtl();
  }

  @Override
  CacheConfig config() {
    return config;
  }

  @Override
  CacheTypes<K, V> types() {
    return types;
  }

  /** The single flight of fetches, or null without stampede protection; for tests. */
  SingleFlight<K, V> flights() {
    return flights;
  }

  @Override
  void checkOpen() {
    if (owner.closed) {
      throw new CacheClosedException(config.name());
    }
  }

  @Override
  public String toString() {
    return "CoreCache[" + config.name() + ", " + config.backend() + ", " + topology.kind() + (owner == this ? "" : ", local") + "]";
  }
}
