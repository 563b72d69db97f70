package dev.vela.topology.partitioned;

import dev.vela.config.OptionCatalog;
import dev.vela.topology.KeyText;
import dev.vela.topology.wire.Wire;
import dev.vela.CacheStats;
import dev.vela.CrossSlotException;
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
import dev.vela.cluster.CacheEndpoint;
import dev.vela.cluster.ClusterSettings;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CodecException;
import dev.vela.config.CacheConfig;
import dev.vela.topology.CacheTopology;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PARTITIONED topology: every key has one owner, chosen by the consistent-hash ring of the
 * cluster's members over the key's encoded bytes. Key operations run on the owner, here or by a
 * call within the rpcTimeout; size, flush, invalidateTag, entries and stats add up every node.
 * {@link #nodeLocal()} keeps key routing but limits cache-wide operations to this node.
 *
 * <p>With the {@code backups} option at N, each write also goes to the next N distinct members on
 * the ring after the owner, before the call returns. The owner gives each write a version, and
 * backups apply copies by version, so copies that cross on the way never leave a backup with an
 * older value than its owner. When the owner crashes, the first backup becomes the key's owner,
 * and every owner brings its backups up to date again after each view change.
 *
 * <p>Asynchronous operations: a read of a key this node owns, and a write of one when there are no
 * backups, run on the calling thread and return a complete future. A read of another owner's key
 * is one request that blocks no thread, and {@code getAllAsync} sends one request per other owner
 * at once and waits for none. Writes that involve another node (the owner or a backup) still run
 * their blocking call on {@link OffloadedCalls}: a remote write may have to keep a granted fetch's
 * value for the next owner and copy to backups from a thread that may wait.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PartitionedTopology<K, V> implements CacheTopology<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionedTopology.class);
  private final String cacheName;
  private final CacheBackend<K, V> backend;
  private final int backups;
  private final CacheChannel channel;
  private final Routing routing;
  private final Remote<K, V> remote;
  private final Partition<K, V> partition;
  private final Migration<K, V> migration;
  private final NodeLocalPartition<K, V> nodeLocal;
  private final PartitionChangeFeed<K> changes;
  private final Membership membership;
  private final ClusterFetch<K, V> fetches;
  private final PartitionEndpoint<K, V> endpoint;
  private final BackupCopies<K, V> backupCopies;
  private final BulkCalls<K, V> bulk;
  private final OffloadedCalls offloaded;
  private final AsyncForms<K, V> async;
  private final OwnerTransactions<K, V> transactions;
  private boolean closed;

  /** The cache on {@code node}, whose parts were built when the join handed over its channel. */
  private PartitionedTopology(String cacheName, CacheBackend<K, V> backend, int backups, PartitionNode<K, V> node) {
    this.cacheName = cacheName;
    this.backend = backend;
    this.backups = backups;
    this.channel = node.channel();
    this.routing = node.routing();
    this.remote = node.remote();
    this.partition = node.partition();
    this.migration = node.migration();
    this.changes = node.changes();
    this.membership = node.membership();
    this.fetches = node.fetches();
    this.endpoint = node.endpoint();
    this.backupCopies = node.backupCopies();
    this.bulk = node.bulk();
    this.offloaded = node.offloaded();
    this.transactions = node.transactions();
    this.nodeLocal = new NodeLocalPartition<>(this);
    this.async = new AsyncForms<>(this, partition, remote, offloaded);
  }

  /**
   * Joins the cluster as this cache's node and waits for the first view and any {@code
   * requireMembers}.
   *
   * @param context the cache's settings, codecs, clock and decode error listener
   * @param backend where this node's keys live; closed by this topology
   * @param thisNodeStats this node's counters, which other nodes ask for
   * @param cluster the node to join, or null for the JVM's shared node of the {@code cluster} option
   * @throws VelaException when the key or value type has no codec, the options do not fit, or the
   *     cluster cannot be joined or its required members are not reached in time
   */
  public static <K, V> PartitionedTopology<K, V> open(
      BackendContext<K, V> context, CacheBackend<K, V> backend, Supplier<CacheStats> thisNodeStats, VelaCluster cluster) {
    CacheConfig config = context.config();
    ClusterSettings settings = cluster != null ? cluster.settings() : ClusterSettings.fromOptions(config.name(), config.topologyOptions());
    return open(context, backend, thisNodeStats, settings, endpointFor -> cluster != null
        ? cluster.join(config.name(), endpointFor)
        : VelaCluster.joinShared(settings, config.name(), endpointFor));
  }

  /**
   * As {@link #open(BackendContext, CacheBackend, Supplier, VelaCluster)}, with {@code join}
   * joining the cluster: given how to make the endpoint for a channel, it returns the joined
   * channel. Tests join a channel without a network this way.
   */
  static <K, V> PartitionedTopology<K, V> open(BackendContext<K, V> context, CacheBackend<K, V> backend,
      Supplier<CacheStats> thisNodeStats, ClusterSettings settings,
      Function<Function<CacheChannel, CacheEndpoint>, CacheChannel> join) {
    CacheConfig config = context.config();
    int backups = backups(config);
    String purpose = "cache '" + config.name() + "' (PARTITIONED)";
    Wire<K, V> wire = new Wire<>(
        context.types().key().require(purpose), context.types().value().require(purpose), context.clock(),
        context.decodeErrors());
    PartitionNode<K, V>[] node = newNodeSlot();
    CacheChannel channel = join.apply(joined -> {
      node[0] = PartitionNode.build(config.name(), joined, wire, backend, backups, context.clock(),
          config.stampedeTimeout(), thisNodeStats);
      return node[0].endpoint();
    });
    try {
      channel.awaitMembers(settings.requireMembers(), settings.joinTimeout());
      // the first ring waits for every member to say whether it runs this cache, at most the rpcTimeout
      long firstRingMillis = settings.joinTimeout().toMillis() + settings.rpcTimeout().toMillis() + 10_000;
      if (!node[0].endpoint().firstView().await(firstRingMillis, TimeUnit.MILLISECONDS)) {
        throw new VelaException("cache '" + config.name() + "' did not receive its first cluster view; is the node closing?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new VelaException("interrupted while cache '" + config.name() + "' joined its cluster", e);
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
    return new PartitionedTopology<>(config.name(), backend, backups, node[0]);
  }

  private static int backups(CacheConfig config) {
    return Integer.parseInt(OptionCatalog.BACKUPS.checkedIn(config.name(), config.topologyOptions()).trim());
  }

  @SuppressWarnings("unchecked")
  private static <K, V> PartitionNode<K, V>[] newNodeSlot() {
    return (PartitionNode<K, V>[]) new PartitionNode<?, ?>[1];
  }

  @Override
  public Topology kind() {
    return Topology.PARTITIONED;
  }

  @Override
  public String node() {
    return channel.self();
  }

  @Override
  public boolean isDistributed() {
    return true;
  }

  @Override
  public CacheTopology<K, V> nodeLocal() {
    return nodeLocal;
  }

  @Override
  public CacheBackend<K, V> localBackend() {
    return backend;
  }

  @Override
  public void requireSingleOwner(Collection<? extends K> keys) {
    K firstKey = null;
    String firstOwner = null;
    for (K key : keys) {
      String owner = partition.ownerOf(key);
      if (firstOwner == null) {
        firstKey = key;
        firstOwner = owner;
      } else if (!owner.equals(firstOwner)) {
        throw new CrossSlotException(
            "keys " + KeyText.of(firstKey) + " (owner " + firstOwner + ") and " + KeyText.of(key) + " (owner " + owner
                + ") of partitioned cache '" + cacheName + "' live on different nodes, so they cannot be written"
                + " atomically; split the batch by owner, or choose keys that hash together");
      }
    }
  }

  private boolean ownedHere(String owner) {
    return owner.equals(channel.self());
  }

  @Override
  public V get(K key) {
    String owner = partition.ownerOf(key);
    return ownedHere(owner) ? partition.get(key, Hop.FORWARDED) : remote.get(owner, key, Hop.ROUTED);
  }

  @Override
  public StoredEntry<V> entry(K key) {
    String owner = partition.ownerOf(key);
    return ownedHere(owner) ? partition.entry(key, Hop.FORWARDED) : remote.entry(owner, key, Hop.ROUTED);
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    StoredEntry<V> entry = new StoredEntry<>(value, expiresAtMillis, tags);
    HashRing ring = partition.ring(); // its backups are taken from the same ring (see Partition.copyTargets)
    String owner = ring.ownerOf(partition.hash(key));
    Version version;
    if (ownedHere(owner)) {
      version = partition.put(key, entry, Hop.FORWARDED);
    } else {
      try {
        version = remote.put(owner, key, entry, Hop.ROUTED);
      } catch (VelaException failed) {
        // a fetch granted to this thread keeps its value and stores it again once a new owner takes the key
        if (failed instanceof CodecException
            || !fetches.keepUnstored(key, () -> put(key, value, expiresAtMillis, tags), failed)) {
          throw failed;
        }
        return;
      }
    }
    backupCopies.toBackupsOf(key, ring, Map.of(key, new Versioned<>(version, entry)));
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    K first = entries.keySet().iterator().next();
    HashRing ring = partition.ring();
    String owner = ring.ownerOf(partition.hash(first));
    Version version = ownedHere(owner) ? partition.putAll(entries, Hop.FORWARDED) : remote.putAll(owner, entries, Hop.ROUTED);
    if (backups > 0) {
      Map<K, Versioned<V>> copies = new LinkedHashMap<>();
      entries.forEach((key, entry) -> copies.put(key, new Versioned<>(version, entry)));
      backupCopies.toBackupsOf(first, ring, copies); // one owner: one set of backups
    }
  }

  @Override
  public void restore(Map<K, StoredEntry<V>> entries) {
    Map<String, Map<K, StoredEntry<V>>> byOwner = new LinkedHashMap<>();
    entries.forEach((key, entry) -> byOwner.computeIfAbsent(partition.ownerOf(key), o -> new LinkedHashMap<>()).put(key, entry));
    byOwner.values().forEach(this::putAll);
  }

  @Override
  public boolean delete(K key) {
    HashRing ring = partition.ring();
    String owner = ring.ownerOf(partition.hash(key));
    Removal removal = ownedHere(owner) ? partition.delete(key, Hop.FORWARDED) : remote.delete(owner, key, Hop.ROUTED);
    if (backups > 0 && removal.version() != null) {
      backupCopies.toBackupsOf(key, ring, Map.of(key, new Versioned<>(removal.version(), null)));
    }
    return removal.removed();
  }

  /**
   * Sends the write to the key's owner in one request (or applies it here when this node owns the
   * key); the owner tests the condition and applies the update under its key lock, and this node
   * copies a change to the key's backups, with the owner's version, as {@link #put} does.
   */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    HashRing ring = partition.ring();
    String owner = ring.ownerOf(partition.hash(key));
    OwnerWrite<V> done = ownedHere(owner)
        ? partition.write(key, condition, update, Hop.FORWARDED)
        : remote.write(owner, key, condition, update, Hop.ROUTED);
    if (done.changed() && backups > 0) {
      backupCopies.toBackupsOf(key, ring, Map.of(key, new Versioned<>(done.version(), done.after())));
    }
    return done.result();
  }

  /** Reads the keys of each owner in one request, all owners at once; this node's own keys meanwhile. */
  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    return bulk.getAll(keys);
  }

  /**
   * Removes the keys of each owner in one request, all owners at once, then copies the removals to
   * the keys' backups, one request per backup.
   */
  @Override
  public long deleteAll(Collection<? extends K> keys) {
    return bulk.deleteAll(keys);
  }

  // ---- asynchronous forms ----

  @Override
  public CompletableFuture<V> getAsync(K key) {
    return async.getAsync(key);
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return async.entryAsync(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return async.putAsync(key, value, expiresAtMillis, tags);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return async.deleteAsync(key);
  }

  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return async.writeAsync(key, condition, update);
  }

  /** One request per other owner, all sent before it returns; this node's own keys read meanwhile. */
  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return bulk.getAllAsync(keys);
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return async.deleteAllAsync(keys);
  }

  /**
   * Locks {@code keys} on their owner for the length of {@code work}, so that transactions of
   * other nodes over them wait. The owner answers at once, so this node asks again, with growing
   * pauses, until the keys are free or the lease time has passed.
   */
  @Override
  public <R> R exclusively(Collection<? extends K> keys, Supplier<R> work) {
    return transactions.exclusively(keys, work);
  }

  @Override
  public long size() {
    return partition.sizeHere() + remote.sumOthers(Op.SIZE, null);
  }

  @Override
  public long flush() {
    return partition.flushHere() + remote.sumOthers(Op.FLUSH, null);
  }

  @Override
  public long invalidateTag(String tag) {
    return partition.invalidateTagHere(tag) + remote.sumOthers(Op.INVALIDATE_TAG, tag);
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    List<Map.Entry<K, StoredEntry<V>>> others = remote.entriesOfOthers();
    return Stream.concat(partition.ownedEntries(), others.stream());
  }

  @Override
  public CacheStats stats(CacheStats thisNode) {
    return thisNode.plus(remote.statsOfOthers());
  }

  @Override
  public V fetchOnce(K key, Supplier<V> fetchAndStore) {
    return fetches.fetchOnce(key, fetchAndStore);
  }

  @Override
  public Optional<ChangeFeed<K>> changeFeed() {
    return Optional.of(changes);
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    Routing.State state = routing.state();
    details.put("topology.node", channel.self());
    details.put("topology.members", String.join(",", channel.members()));
    details.putAll(channel.details());
    details.put("topology.ring.members", String.join(",", state.ring().members()));
    new TreeMap<>(state.ring().shares()).forEach(
        (member, share) -> details.put("topology.ring.share." + member, String.format(Locale.ROOT, "%.3f", share)));
    details.put("topology.handover.awaiting", String.join(",", state.awaiting()));
    details.put("topology.backups", Integer.toString(backups));
    details.put("topology.fetchesUnderWay", Integer.toString(partition.claims().running()));
    details.put("topology.fetchWaiters", Integer.toString(partition.claims().waiting()));
    details.put("topology.transactionLocks", Integer.toString(partition.locks().held()));
    details.putAll(backend.details());
    return details;
  }

  /**
   * Leaves gracefully: from now on this node's keys belong to the others, so it hands every key it
   * holds to its new owner before it leaves the cluster, then closes the backend.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      List<String> peers = routing.ring().members(); // the members that run this cache, as far as this node knows
      HashRing rest = partition.copies().leave();
      membership.close(); // views no longer move keys: this node hands all of them over now
      if (!migration.moveTo(rest)) {
        LOG.warn("cache '" + cacheName + "' closed on " + channel.self() + " without handing every key over; those"
            + " that could not be sent are lost with it");
      }
      remote.leaving(peers);
      // the others no longer route here; what they sent before is read, but may still be on its way to this cache
      if (!channel.awaitCallsReceived(channel.rpcTimeout())) {
        LOG.debug("cache '{}' closes on {} with calls read but not yet handed to it", cacheName, channel.self());
      }
    } finally {
      offloaded.close();
      endpoint.closeAfter(channel.rpcTimeout());
      channel.close();
      backend.close();
    }
  }

  @Override
  public String toString() {
    return "PartitionedTopology[" + cacheName + " on " + channel.self() + "]";
  }
}
