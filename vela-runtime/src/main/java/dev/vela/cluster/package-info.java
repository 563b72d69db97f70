/**
 * Cluster membership and messaging over JGroups: one channel per JVM and cluster name, shared by
 * every cache of that JVM, with requests that carry the cache name and our own bytes (never Java
 * serialization). {@link dev.vela.cluster.VelaCluster} is the handle; topologies talk through a
 * {@link dev.vela.cluster.CacheChannel} and answer through a {@link dev.vela.cluster.CacheEndpoint}.
 *
 * <p>Users build a node with {@link dev.vela.cluster.VelaCluster#builder()} (its settings,
 * {@link dev.vela.cluster.ClusterTls}, {@link dev.vela.cluster.RequiredMembers}) and pass it to a
 * cache's builder; {@code CacheChannel}, {@code CacheEndpoint} and {@code VelaCluster}'s
 * {@code join} methods are for the runtime's topologies and are not API.
 */
package dev.vela.cluster;
