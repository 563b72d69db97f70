package dev.vela.topology.replicated;

import dev.vela.topology.version.HybridClock;
import dev.vela.topology.version.Version;
import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.ClusterSettings;
import dev.vela.cluster.VelaCluster;
import dev.vela.config.CacheConfig;
import dev.vela.topology.CacheTopology;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REPLICATED topology: every node that runs the cache holds a full copy. Reads are served
 * here; a write is applied here and sent to every other such node, and returns once each has
 * applied it (within the rpcTimeout). Each write carries a {@link Version}, so concurrent writes of
 * one key end the same on every node: the later version wins.
 *
 * <p>A node that starts the cache receives the contents of one that already runs it, in batches,
 * before {@link #open} returns; writes elsewhere go on meanwhile and reach it too.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReplicatedTopology<K, V> implements CacheTopology<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedTopology.class);
  /** How long the version of a removed key is kept, so that a late, older write cannot bring it back. */
  private static final Duration REMOVED_VERSIONS_KEPT = Duration.ofMinutes(10);
  /** How many removed keys' versions may pile up before they are pruned. */
  private static final int REMOVED_VERSIONS_SLACK = 10_000;

  private final String cacheName;
  private final CacheBackend<K, V> backend;
  private final ReplicaStore<K, V> store;
  private final ReplicaChangeFeed<K> changes = new ReplicaChangeFeed<>();
  private final HybridClock clock;
  private final Peers peers = new Peers();
  private final Supplier<CacheStats> thisNodeStats;
  private final ExecutorService work;
  private final NodeLocalReplica<K, V> nodeLocal;
  private CacheChannel channel;
  private Replicas<K, V> replicas;
  private LockHolder<K, V> lockHolder;
  private ReplicaEndpoint<K, V> endpoint;
  private boolean closed;

  private ReplicatedTopology(BackendContext<K, V> context, CacheBackend<K, V> backend, Supplier<CacheStats> thisNodeStats) {
    this.cacheName = context.cacheName();
    this.backend = backend;
    this.store = new ReplicaStore<>(backend, changes);
    this.clock = new HybridClock(context.clock());
    this.thisNodeStats = thisNodeStats;
    this.work = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "vela-" + cacheName + "-replicated");
      thread.setDaemon(true);
      return thread;
    });
    this.nodeLocal = new NodeLocalReplica<>(this);
  }

  /**
   * Joins the cluster, waits for the first view and any {@code requireMembers}, finds the other
   * nodes that run the cache and receives the contents of one of them.
   *
   * @param context the cache's settings, codecs, clock and decode error listener
   * @param backend where this node's copy lives; closed by this topology
   * @param thisNodeStats this node's counters, which other nodes ask for
   * @param cluster the node to join, or null for the JVM's shared node of the {@code cluster} option
   * @throws VelaException when the key or value type has no codec, the cluster cannot be joined,
   *     its required members are not reached in time, or no node could send the contents
   */
  public static <K, V> ReplicatedTopology<K, V> open(
      BackendContext<K, V> context, CacheBackend<K, V> backend, Supplier<CacheStats> thisNodeStats, VelaCluster cluster) {
    CacheConfig config = context.config();
    String purpose = "cache '" + config.name() + "' (REPLICATED)";
    Wire<K, V> wire = new Wire<>(
        context.types().key().require(purpose), context.types().value().require(purpose), context.clock(),
        context.decodeErrors());
    ClusterSettings settings = cluster != null ? cluster.settings() : ClusterSettings.fromOptions(config.name(), config.topologyOptions());
    ReplicatedTopology<K, V> topology = new ReplicatedTopology<>(context, backend, thisNodeStats);
    CacheChannel channel = cluster != null
        ? cluster.join(config.name(), ch -> topology.wire(ch, wire))
        : VelaCluster.joinShared(settings, config.name(), ch -> topology.wire(ch, wire));
    try {
      channel.awaitMembers(settings.requireMembers(), settings.joinTimeout());
      if (!topology.endpoint.firstView().await(settings.joinTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
        throw new VelaException("cache '" + config.name() + "' did not receive its first cluster view; is the node closing?");
      }
      topology.receiveContents();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      topology.abandon();
      throw new VelaException("interrupted while cache '" + config.name() + "' joined its cluster", e);
    } catch (RuntimeException e) {
      topology.abandon();
      throw e;
    }
    return topology;
  }

  private ReplicaEndpoint<K, V> wire(CacheChannel joined, Wire<K, V> wire) {
    this.channel = joined;
    this.replicas = new Replicas<>(cacheName, joined, wire);
    this.lockHolder = new LockHolder<>(cacheName, joined, peers, store, replicas, this::nextVersion);
    this.endpoint = new ReplicaEndpoint<>(cacheName, joined.self(), store, clock, peers, replicas, thisNodeStats, work,
        changes, lockHolder);
    return endpoint;
  }

  /** Greets every member; those that run the cache become peers, and the first that can sends its contents. */
  private void receiveContents() {
    Map<String, CompletableFuture<Boolean>> greetings = new LinkedHashMap<>();
    for (String member : channel.members()) {
      if (!member.equals(channel.self())) {
        greetings.put(member, replicas.hello(member, false));
      }
    }
    List<String> donors = new ArrayList<>();
    greetings.forEach((member, answer) -> {
      Boolean hasContents = answer.join();
      if (hasContents != null) {
        peers.add(member);
        if (hasContents) {
          donors.add(member);
        }
      }
    });
    VelaException failure = null;
    for (String donor : donors) {
      try {
        long states = replicas.sync(donor, endpoint::batchesReceived);
        LOG.debug("replicated cache '{}' received {} key states from {}", cacheName, states, donor);
        failure = null;
        break;
      } catch (VelaException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw new VelaException("replicated cache '" + cacheName + "' could not receive its contents from any of " + donors
          + "; it would start with missing entries. Check that those nodes are healthy, or raise rpcTimeout", failure);
    }
    endpoint.established();
  }

  @Override
  public Topology kind() {
    return Topology.REPLICATED;
  }

  @Override
  public String node() {
    return channel.self();
  }

  /** False: every entry is on this node, so even a plain stream sees them all. */
  @Override
  public boolean isDistributed() {
    return false;
  }

  /** Every change applied to this node's copy, from here or elsewhere, and every new view. */
  @Override
  public Optional<ChangeFeed<K>> changeFeed() {
    return Optional.of(changes);
  }

  @Override
  public CacheTopology<K, V> nodeLocal() {
    return nodeLocal;
  }

  @Override
  public boolean readsLocalBackend() {
    return true;
  }

  @Override
  public CacheBackend<K, V> localBackend() {
    return backend;
  }

  @Override
  public void requireSingleOwner(Collection<? extends K> keys) {
    // every node holds every key
  }

  @Override
  public V get(K key) {
    return backend.get(key);
  }

  @Override
  public StoredEntry<V> entry(K key) {
    return backend.entry(key);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    StoredEntry<V> entry = new StoredEntry<>(value, expiresAtMillis, tags);
    peers.whileSteady(others -> {
      Version version = nextVersion();
      store.put(key, version, entry);
      replicas.send(others, replicas.put(key, version, entry));
      return null;
    });
    pruneRemovedVersions();
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    peers.whileSteady(others -> {
      Version version = nextVersion();
      store.putAll(entries, version);
      replicas.send(others, replicas.putAll(entries, version));
      return null;
    });
  }

  @Override
  public boolean delete(K key) {
    boolean removed = peers.whileSteady(others -> {
      Version version = nextVersion();
      boolean here = store.delete(key, version);
      replicas.send(others, replicas.delete(key, version));
      return here;
    });
    pruneRemovedVersions();
    return removed;
  }

  /**
   * Applies a conditional write on the lock holder all nodes agree on (see {@link LockHolder}),
   * which tests the condition against its copy under the key's lock and sends the change to every
   * node with a new version before it answers. Conditional writes of a key are so applied one after
   * the other, wherever they come from; a plain {@link #put} racing one is ordered by version, the
   * later winning, as two puts are.
   */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    WriteResult<V> result = lockHolder.write(key, condition, update);
    pruneRemovedVersions();
    return result;
  }

  // asynchronous forms: reads from this node's copy (complete at once on memory or disk); writes
  // applied here and sent before they return, their futures completing once every node confirmed

  @Override
  public CompletableFuture<V> getAsync(K key) {
    return backend.getAsync(key);
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return backend.entryAsync(key);
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return backend.getAllAsync(keys);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    StoredEntry<V> entry = new StoredEntry<>(value, expiresAtMillis, tags);
    CompletableFuture<Void> sent = peers.whileSteadyAsync(others -> {
      Version version = nextVersion();
      store.put(key, version, entry);
      return replicas.sendAsync(others, replicas.put(key, version, entry));
    });
    pruneRemovedVersions();
    return sent;
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    CompletableFuture<Boolean> sent = peers.whileSteadyAsync(others -> {
      Version version = nextVersion();
      boolean here = store.delete(key, version);
      return replicas.sendAsync(others, replicas.delete(key, version)).thenApply(confirmed -> here);
    });
    pruneRemovedVersions();
    return sent;
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    List<K> distinct = List.copyOf(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    CompletableFuture<Long> sent = peers.whileSteadyAsync(others -> {
      Version version = nextVersion();
      long here = 0;
      for (K key : distinct) {
        here += store.delete(key, version) ? 1 : 0;
      }
      long removed = here;
      return replicas.sendAsync(others, replicas.deleteAll(distinct, version)).thenApply(confirmed -> removed);
    });
    pruneRemovedVersions();
    return sent;
  }

  /** {@link #write} through the lock holder, without a thread waiting for it or for the other nodes. */
  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    CompletableFuture<WriteResult<V>> result = lockHolder.writeAsync(key, condition, update);
    pruneRemovedVersions();
    return result;
  }

  /** Reads this node's copy, which holds every entry. */
  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    return backend.getAll(keys);
  }

  /** Removes the keys here and on every other node, with one version and one request per node. */
  @Override
  public long deleteAll(Collection<? extends K> keys) {
    List<K> distinct = List.copyOf(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return 0;
    }
    long removed = peers.whileSteady(others -> {
      Version version = nextVersion();
      long here = 0;
      for (K key : distinct) {
        here += store.delete(key, version) ? 1 : 0;
      }
      replicas.send(others, replicas.deleteAll(distinct, version));
      return here;
    });
    pruneRemovedVersions();
    return removed;
  }

  /**
   * Runs {@code work} with {@code keys} locked on the lock holder, so that transactions of other
   * nodes over them wait; the lock is a lease of {@link LockHolder#TRANSACTION_LEASE} at most.
   */
  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    if (keys.isEmpty()) {
      return work.get();
    }
    return lockHolder.exclusively(List.copyOf(new LinkedHashSet<>(keys)), work);
  }

  /** Expired and deleted keys leave versions behind; old ones are dropped once they pile up. */
  private void pruneRemovedVersions() {
    store.pruneRemovedBefore(clock.stampAgo(REMOVED_VERSIONS_KEPT), REMOVED_VERSIONS_SLACK);
  }

  /** The entries here: every node holds them all. */
  @Override
  public long size() {
    return backend.size();
  }

  @Override
  public long flush() {
    return peers.whileSteady(others -> {
      Version version = nextVersion();
      long removed = store.flush(version);
      replicas.send(others, replicas.flush(version));
      return removed;
    });
  }

  @Override
  public long invalidateTag(String tag) {
    return peers.whileSteady(others -> {
      Version version = nextVersion();
      long removed = store.invalidateTag(tag, version);
      replicas.send(others, replicas.invalidateTag(tag, version));
      return removed;
    });
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    return backend.entries();
  }

  @Override
  public CacheStats stats(CacheStats thisNode) {
    return thisNode.plus(replicas.statsOf(peers.now()));
  }

  /** Removes every entry of this node only, as a flush would, without telling the others. */
  long flushHere() {
    return store.flush(nextVersion());
  }

  /** Removes this node's entries tagged {@code tag}, without telling the others. */
  long invalidateTagHere(String tag) {
    return store.invalidateTag(tag, nextVersion());
  }

  private Version nextVersion() {
    return new Version(clock.next(), channel.self());
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("topology.node", channel.self());
    details.put("topology.members", String.join(",", channel.members()));
    details.putAll(channel.details());
    details.put("topology.replicas", String.join(",", peers.now()));
    details.put("topology.versions", Integer.toString(store.versionCount()));
    details.putAll(backend.details());
    return details;
  }

  /** Tells the other nodes to send no more writes, leaves the cluster and closes the backend. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      lockHolder.close(); // refuses conditional writes from now on, once those under way reached every node
      replicas.leaving(peers.now());
    } finally {
      abandon();
      backend.close();
    }
  }

  /** Leaves the cluster; the backend stays open for whoever owns it. */
  private void abandon() {
    work.shutdownNow();
    channel.close();
  }

  @Override
  public String toString() {
    return "ReplicatedTopology[" + cacheName + " on " + channel.self() + "]";
  }
}
