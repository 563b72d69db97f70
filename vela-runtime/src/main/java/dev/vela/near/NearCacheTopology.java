package dev.vela.near;

import dev.vela.CacheStats;
import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.topology.CacheTopology;
import dev.vela.topology.ReadCounter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A near cache: a memory L1 on this node in front of any topology (the L2). A read the L1 answers
 * goes no further; a miss reads the L2 and keeps the entry in the L1 for at most {@code
 * nearCacheL1Ttl} (on the system clock, give or take a few milliseconds: see {@link L1Store}),
 * never past the entry's own expiry. Every write, delete, flush and tag invalidation made here,
 * conditional writes that applied included, removes the affected entries from this L1 and is
 * announced on the topology's and the backend's {@link ChangeFeed}s, which in turn report the changes made
 * elsewhere. An entry read while its key was invalidated, or while a feed had lost contact, is not
 * kept, so the L1 never holds a value older than the last invalidation it received.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class NearCacheTopology<K, V> implements CacheTopology<K, V> {
  /** How many fills pass between two clean-ups of expired L1 entries. */
  private static final int FILLS_PER_CLEANUP = 1024;
  /** For reads the core does not count as hits or misses ({@link #get}); their L1 reads still count. */
  private static final ReadCounter UNCOUNTED = hit -> {};
  /** {@link #readThrough}, unbound; each instance binds it to itself as its {@link #missPath}. */
  private static final MethodHandle READ_THROUGH;

  static {
    try {
      READ_THROUGH = MethodHandles.lookup().findVirtual(NearCacheTopology.class, "readThrough",
          MethodType.methodType(Object.class, Object.class, ReadCounter.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // readThrough, reached through a method handle held in an instance field: the JIT inlines a
  // method handle call only when the handle is a constant, so the miss path never grows the compiled
  // hit path. Called directly, it was inlined wherever the hit path was compiled on its own (misses
  // are frequent while the L1 fills), and the compiled read grew past the size its callers inline:
  // every hit then paid a real call, which cost about a fifth of a hit's throughput (NearCacheBench).
  private final MethodHandle missPath;

  private final CacheTopology<K, V> l2;
  private final L1Store<K, V> l1;
  private final InvalidationSequence invalidations;
  private final NearChanges<K, V> changes;
  private final L1Counter counter;
  private final Duration l1Ttl;
  private final AtomicLong fills;
  private final NearCacheTopology<K, V> nodeLocal;

  private NearCacheTopology(
      CacheTopology<K, V> l2, L1Store<K, V> l1, List<ChangeFeed<K>> feeds, L1Counter counter, Duration l1Ttl) {
    this.l2 = l2;
    this.l1 = l1;
    this.invalidations = new InvalidationSequence();
    this.changes = new NearChanges<>(l1, invalidations, feeds);
    this.counter = counter;
    this.l1Ttl = l1Ttl;
    this.fills = new AtomicLong();
    this.missPath = READ_THROUGH.bindTo(this);
    CacheTopology<K, V> l2NodeLocal = l2.nodeLocal();
    this.nodeLocal = l2NodeLocal == l2 ? this : new NearCacheTopology<>(this, l2NodeLocal);
  }

  /** The node-local variant: the same L1 and feeds, in front of the L2's node-local variant. */
  private NearCacheTopology(NearCacheTopology<K, V> whole, CacheTopology<K, V> l2NodeLocal) {
    this.l2 = l2NodeLocal;
    this.l1 = whole.l1;
    this.invalidations = whole.invalidations;
    this.changes = whole.changes;
    this.counter = whole.counter;
    this.l1Ttl = whole.l1Ttl;
    this.fills = whole.fills;
    this.missPath = READ_THROUGH.bindTo(this);
    this.nodeLocal = this;
  }

  /**
   * Puts an L1 in front of {@code l2} and subscribes to the change feeds of the topology and of its
   * local backend.
   *
   * @param config the cache's settings: {@code maxSize} and {@code evictionPolicy} bound the L1,
   *     {@code nearCacheL1Ttl} limits how long it keeps an entry
   * @param l2 the topology behind; closed with this one
   * @param clock the cache's clock
   * @param counter where L1 hits and misses are counted
   * @throws dev.vela.VelaException when a change feed cannot start (Redis refuses client tracking);
   *     {@code l2} is left open for the caller to close
   */
  public static <K, V> NearCacheTopology<K, V> wrap(
      CacheConfig config, CacheTopology<K, V> l2, InstantSource clock, L1Counter counter) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(l2, "l2 must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(counter, "counter must not be null");
    L1Store<K, V> l1 = new L1Store<>(config, clock);
    List<ChangeFeed<K>> feeds = new ArrayList<>(2);
    l2.changeFeed().ifPresent(feeds::add);
    l2.localBackend().changeFeed().ifPresent(feeds::add);
    NearCacheTopology<K, V> near = new NearCacheTopology<>(l2, l1, feeds, counter, config.nearCacheL1Ttl());
    near.changes.subscribe();
    return near;
  }

  @Override
  public V get(K key) {
    V value = l1.get(key);
    if (value != null) {
      counter.recordL1Hit();
      return value;
    }
    return missed(key, UNCOUNTED);
  }

  @Override
  public V countedGet(K key, ReadCounter reads) {
    V value = l1.get(key);
    if (value != null) {
      counter.recordL1HitRead(); // one count: the read's hit and the L1 hit
      return value;
    }
    return missed(key, reads);
  }

  /** The L1 miss path, {@link #readThrough}, called out of line through {@link #missPath}. */
  @SuppressWarnings("unchecked")
  private V missed(K key, ReadCounter reads) {
    try {
      return (V) missPath.invokeExact((Object) key, reads);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("the near cache's miss path threw a checked exception it does not declare", e);
    }
  }

  /**
   * The L1 miss path, counting included: reads {@code key} from the L2 and keeps it in the L1,
   * unless the key was invalidated meanwhile. Called only through {@link #missPath}.
   */
  private V readThrough(K key, ReadCounter reads) {
    counter.recordL1Miss();
    int stripe = invalidations.stripeOf(key);
    long keyVersion = invalidations.keyVersion(stripe);
    long wideVersion = invalidations.wideVersion();
    // entry(), not get(): the L1 must not keep an entry past its own expiry
    StoredEntry<V> entry = l2.entry(key);
    if (entry == null) {
      reads.recordRead(false);
      return null;
    }
    reads.recordRead(true);
    if (!changes.feedsLive()) {
      return entry.value();
    }
    // stored only if no invalidation came while the L2 read was in flight; one that comes after
    // this removes what was just stored
    boolean kept = invalidations.installIfUnchanged(stripe, keyVersion, wideVersion,
        () -> l1.put(key, entry));
    if (kept && !changes.feedsLive()) {
      invalidations.invalidateKey(key, () -> l1.delete(key));
    }
    if (fills.incrementAndGet() % FILLS_PER_CLEANUP == 0) {
      l1.removeExpired(FILLS_PER_CLEANUP);
    }
    return entry.value();
  }

  /** An L1 hit completes at once; a miss reads the L2 asynchronously and keeps its entry as {@link #readThrough} does. */
  @Override
  public CompletableFuture<V> getAsync(K key) {
    return countedGetAsync(key, UNCOUNTED);
  }

  @Override
  public CompletableFuture<V> countedGetAsync(K key, ReadCounter reads) {
    V value = l1.get(key);
    if (value != null) {
      if (reads == UNCOUNTED) {
        counter.recordL1Hit();
      } else {
        counter.recordL1HitRead(); // one count: the read's hit and the L1 hit, as countedGet
      }
      return CompletableFuture.completedFuture(value);
    }
    counter.recordL1Miss();
    int stripe = invalidations.stripeOf(key);
    long keyVersion = invalidations.keyVersion(stripe);
    long wideVersion = invalidations.wideVersion();
    return l2.entryAsync(key).thenApply(entry -> {
      if (entry == null) {
        reads.recordRead(false);
        return null;
      }
      reads.recordRead(true);
      if (changes.feedsLive()) {
        boolean kept = invalidations.installIfUnchanged(stripe, keyVersion, wideVersion, () -> l1.put(key, entry));
        if (kept && !changes.feedsLive()) {
          invalidations.invalidateKey(key, () -> l1.delete(key));
        }
      }
      return entry.value();
    });
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return l2.entryAsync(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return l2.putAsync(key, value, expiresAtMillis, tags).thenApply(done -> {
      changes.changed(key);
      return done;
    });
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return l2.deleteAsync(key).thenApply(removed -> {
      changes.changed(key);
      return removed;
    });
  }

  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return l2.writeAsync(key, condition, update).thenApply(result -> {
      if (result.applied()) {
        changes.changed(key);
      }
      return result;
    });
  }

  /** As {@link #getAll}: the L1's entries, and the rest from the L2 in one asynchronous call. */
  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = l1.get(key);
      if (value != null) {
        counter.recordL1Hit();
        found.put(key, value);
      } else {
        counter.recordL1Miss();
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return CompletableFuture.completedFuture(found);
    }
    return l2.getAllAsync(missing).thenApply(rest -> {
      found.putAll(rest);
      return found;
    });
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return l2.deleteAllAsync(keys).thenApply(removed -> {
      keys.forEach(changes::changed);
      return removed;
    });
  }

  @Override
  public StoredEntry<V> entry(K key) {
    return l2.entry(key);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    l2.put(key, value, expiresAtMillis, tags);
    changes.changed(key);
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    l2.putAll(entries);
    entries.keySet().forEach(changes::changed);
  }

  @Override
  public void restore(Map<K, StoredEntry<V>> entries) {
    l2.restore(entries);
    entries.keySet().forEach(changes::changed);
  }

  @Override
  public boolean delete(K key) {
    boolean removed = l2.delete(key);
    changes.changed(key);
    return removed;
  }

  /** Applied at the L2, where the condition is judged; the L1 never answers for a conditional write. */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    WriteResult<V> result = l2.write(key, condition, update);
    if (result.applied()) {
      changes.changed(key);
    }
    return result;
  }

  /**
   * Takes what the L1 holds and asks the L2 for the rest in one call. The L2's answers are not kept
   * in the L1: a bulk read returns values without their expiry, which the L1 must not outlive.
   */
  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = l1.get(key);
      if (value != null) {
        counter.recordL1Hit();
        found.put(key, value);
      } else {
        counter.recordL1Miss();
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      found.putAll(l2.getAll(missing));
    }
    return found;
  }

  @Override
  public long deleteAll(Collection<? extends K> keys) {
    long removed = l2.deleteAll(keys);
    keys.forEach(changes::changed);
    return removed;
  }

  @Override
  public long flush() {
    long removed = l2.flush();
    changes.flushed();
    return removed;
  }

  @Override
  public long invalidateTag(String tag) {
    long removed = l2.invalidateTag(tag);
    changes.tagInvalidated(tag);
    return removed;
  }

  @Override
  public long size() {
    return l2.size();
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    return l2.entries();
  }

  @Override
  public Topology kind() {
    return l2.kind();
  }

  @Override
  public String node() {
    return l2.node();
  }

  @Override
  public boolean isDistributed() {
    return l2.isDistributed();
  }

  @Override
  public CacheTopology<K, V> nodeLocal() {
    return nodeLocal;
  }

  @Override
  public CacheBackend<K, V> localBackend() {
    return l2.localBackend();
  }

  @Override
  public void requireSingleOwner(Collection<? extends K> keys) {
    l2.requireSingleOwner(keys);
  }

  @Override
  public CacheStats stats(CacheStats thisNode) {
    return l2.stats(thisNode);
  }

  @Override
  public V fetchOnce(K key, Supplier<V> fetchAndStore) {
    return l2.fetchOnce(key, fetchAndStore);
  }

  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    return l2.exclusively(keys, work);
  }

  @Override
  public Optional<ChangeFeed<K>> changeFeed() {
    return l2.changeFeed();
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>(l2.details());
    details.put("nearCache.l1Entries", Long.toString(l1.heldEntries()));
    details.put("nearCache.l1Ttl", Durations.isInfinite(l1Ttl) ? "infinity" : l1Ttl.toMillis() + "ms");
    details.put("nearCache.feedsLive", Boolean.toString(changes.feedsLive()));
    return details;
  }

  /** Entries held by the L1, expired ones not yet removed included; for tests and inspection. */
  long l1Entries() {
    return l1.heldEntries();
  }

  @Override
  public void close() {
    changes.unsubscribe();
    try {
      l2.close();
    } finally {
      l1.close();
    }
  }

  @Override
  public String toString() {
    return "NearCacheTopology[" + l2 + "]";
  }
}
