/**
 * Cluster membership and messaging over JGroups: one channel per JVM and cluster name, shared by
 * every cache of that JVM, with requests that carry the cache name and our own bytes (never Java
 * serialization). {@link dev.vela.cluster.VelaCluster} is the handle; topologies talk through a
 * {@link dev.vela.cluster.CacheChannel} and answer through a {@link dev.vela.cluster.CacheEndpoint}.
 */
package dev.vela.cluster;
