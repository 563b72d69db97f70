package dev.vela.topology.replicated;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Cluster nodes in this JVM on loopback, each running the replicated cache {@code "copies"}. */
final class ReplicatedNodes implements AutoCloseable {
  private final String clusterName;
  private final int[] ports;
  private final List<VelaCluster> nodes = new ArrayList<>();
  private final List<Cache<String, String>> caches = new ArrayList<>();

  /** Starts {@code count} cluster nodes of a cluster with room for {@code capacity}, without caches. */
  ReplicatedNodes(String clusterName, int count, int capacity) {
    this.clusterName = clusterName;
    this.ports = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      ports[i] = FreePorts.next();
    }
    for (int i = 0; i < count; i++) {
      startNode();
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(count), Duration.ofSeconds(30));
  }

  /** Starts the next cluster node, without a cache. */
  VelaCluster startNode() {
    StringBuilder hosts = new StringBuilder();
    for (int i = 0; i < ports.length; i++) {
      hosts.append(i == 0 ? "" : ",").append("127.0.0.1[").append(ports[i]).append(']');
    }
    VelaCluster node = VelaCluster.builder()
        .clusterName(clusterName)
        .port(ports[nodes.size()])
        .initialHosts(hosts.toString())
        .joinTimeout(Duration.ofMillis(500))
        .rpcTimeout(Duration.ofSeconds(5))
        .start();
    nodes.add(node);
    return node;
  }

  /** Starts the replicated cache on the cluster node {@code index}. */
  Cache<String, String> startCache(int index) {
    return started(builder(index));
  }

  /** Starts the replicated cache on the cluster node {@code index}, with a near cache of {@code l1Ttl}. */
  Cache<String, String> startNearCache(int index, Duration l1Ttl) {
    return started(builder(index).nearCache(true).nearCacheL1Ttl(l1Ttl));
  }

  private CacheBuilder<String, String, Cache<String, String>> builder(int index) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "copies", Backend.MEMORY, Topology.REPLICATED,
            c -> c)
        .sweepInterval(Durations.INFINITE)
        .cluster(nodes.get(index));
  }

  private Cache<String, String> started(CacheBuilder<String, String, Cache<String, String>> builder) {
    Cache<String, String> cache = builder.create();
    caches.add(cache);
    return cache;
  }

  VelaCluster node(int index) {
    return nodes.get(index);
  }

  @Override
  public void close() {
    caches.forEach(Cache::close);
    nodes.forEach(VelaCluster::close);
  }
}
