package dev.vela.topology.partitioned;

import dev.vela.CacheStats;
import dev.vela.backend.CacheBackend;
import dev.vela.cluster.CacheChannel;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * One node's parts of a partitioned cache, built together once, when joining the cluster hands the
 * cache its channel: the endpoint has to answer other nodes from then on, before the join returns.
 * The topology takes them whole once the join completes, so none of its fields is filled later.
 *
 * @param channel this node's channel for the cache
 * @param routing the rings keys are routed by
 * @param remote calls to the other nodes
 * @param partition this node's share of the keys
 * @param migration the handover of keys to their new owners
 * @param changes near-cache invalidations between the nodes
 * @param membership what views and other nodes' announcements do to the ring
 * @param fetches cluster-wide stampede protection
 * @param endpoint what other nodes reach here
 * @param backupCopies copies of writes to the keys' backups
 * @param bulk calls for keys of several owners
 * @param offloaded the threads that run blocking calls of asynchronous writes
 * @param transactions transactions' locks on the keys' owners
 * @param <K> the key type
 * @param <V> the value type
 */
record PartitionNode<K, V>(
    CacheChannel channel,
    Routing routing,
    Remote<K, V> remote,
    Partition<K, V> partition,
    Migration<K, V> migration,
    PartitionChangeFeed<K> changes,
    Membership membership,
    ClusterFetch<K, V> fetches,
    PartitionEndpoint<K, V> endpoint,
    BackupCopies<K, V> backupCopies,
    BulkCalls<K, V> bulk,
    OffloadedCalls offloaded,
    OwnerTransactions<K, V> transactions) {

  /** How long a removal is remembered: far longer than any copy of the key takes to arrive. */
  private static final Duration TOMBSTONE_LIFETIME = Duration.ofMinutes(2);

  /**
   * The parts of cache {@code cacheName} on the node of {@code joined}, keeping its keys in {@code
   * backend} with {@code backups} backups each; {@code thisNodeStats} answers other nodes' STATS.
   */
  static <K, V> PartitionNode<K, V> build(String cacheName, CacheChannel joined, Wire<K, V> wire,
      CacheBackend<K, V> backend, int backups, InstantSource clock, Duration stampedeTimeout,
      Supplier<CacheStats> thisNodeStats) {
    Routing routing = new Routing(joined.self());
    Remote<K, V> remote = new Remote<>(cacheName, joined, wire, () -> routing.ring().members());
    Partition<K, V> partition = new Partition<>(joined.self(), backend, routing, remote, wire, backups,
        new HybridClock(clock), new VersionTable<>(clock, TOMBSTONE_LIFETIME));
    Migration<K, V> migration = new Migration<>(cacheName, partition, backend, remote);
    ClusterFetch<K, V> fetches =
        new ClusterFetch<>(cacheName, joined.self(), partition, remote, stampedeTimeout, joined.rpcTimeout());
    PartitionChangeFeed<K> changes = new PartitionChangeFeed<>(joined, wire, () -> routing.ring().members());
    Membership membership = new Membership(
        cacheName, joined.self(), routing, remote, migration, partition.claims(), partition.locks(), changes,
        joined.rpcTimeout().dividedBy(2)); // the asker's question waits at most the rpcTimeout
    BackupCopies<K, V> backupCopies = new BackupCopies<>(cacheName, joined.self(), partition, remote);
    BulkCalls<K, V> bulk = new BulkCalls<>(joined.self(), partition, remote, backupCopies);
    OffloadedCalls offloaded = new OffloadedCalls(cacheName, joined.rpcTimeout());
    OwnerTransactions<K, V> transactions = new OwnerTransactions<>(cacheName, partition, remote);
    PartitionEndpoint<K, V> endpoint = new PartitionEndpoint<>(
        cacheName, partition, routing, migration, wire, membership, thisNodeStats, changes);
    return new PartitionNode<>(joined, routing, remote, partition, migration, changes, membership, fetches, endpoint,
        backupCopies, bulk, offloaded, transactions);
  }
}
