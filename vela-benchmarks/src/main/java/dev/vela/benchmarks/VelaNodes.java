package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.CacheEntry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Vela nodes in this JVM, each with a {@link VelaCluster} of its own on a free port of 127.0.0.1,
 * and one MEMORY cache of {@link Product}s on each. Stats are on, as by default.
 */
final class VelaNodes implements AutoCloseable {
  static final CacheTypes<String, Product> TYPES = new CacheTypes<>(
      TypeCodec.of("java.lang.String", Codecs.STRING), TypeCodec.of(Product.class.getName(), new ProductCodec()));

  private final List<VelaCluster> nodes;
  private final List<Cache<String, Product>> caches;

  private VelaNodes(List<VelaCluster> nodes, List<Cache<String, Product>> caches) {
    this.nodes = nodes;
    this.caches = caches;
  }

  /**
   * Starts {@code count} nodes that see each other, then the cache on every node at once (a
   * REPLICATED cache started on one node alone would wait a whole rpcTimeout for the others).
   */
  static VelaNodes start(int count, Topology topology, boolean nearCache) {
    List<Integer> ports = IntStream.range(0, count).mapToObj(i -> LoopbackPorts.free()).toList();
    String hosts = ports.stream().map(port -> "127.0.0.1[" + port + "]").collect(Collectors.joining(","));
    String clusterName = "topology-bench-" + ports.get(0);
    List<VelaCluster> nodes = new ArrayList<>();
    try {
      for (int port : ports) {
        nodes.add(VelaCluster.builder().clusterName(clusterName).port(port).initialHosts(hosts)
            .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(5)).start());
      }
      nodes.get(0).awaitMembers(new RequiredMembers.Count(count), Duration.ofSeconds(60));
      // one thread per node: the common pool may have a single thread on a small machine
      ExecutorService starters = Executors.newFixedThreadPool(count);
      try {
        List<CompletableFuture<Cache<String, Product>>> starting = nodes.stream()
            .map(node -> CompletableFuture.supplyAsync(() -> cache(node, topology, nearCache), starters))
            .toList();
        return new VelaNodes(nodes, starting.stream().map(CompletableFuture::join).toList());
      } finally {
        starters.shutdown();
      }
    } catch (RuntimeException e) {
      nodes.forEach(VelaCluster::close);
      throw e;
    }
  }

  private static Cache<String, Product> cache(VelaCluster node, Topology topology, boolean nearCache) {
    return new CacheBuilder<String, Product, Cache<String, Product>>(
            TYPES, "products", Backend.MEMORY, topology, cache -> cache)
        .sweepInterval(Durations.INFINITE)
        .nearCache(nearCache)
        .nearCacheL1Ttl(Duration.ofHours(1))
        .cluster(node)
        .create();
  }

  /** The cache on node {@code index} (0 is the one the benchmarks call). */
  Cache<String, Product> cache(int index) {
    return caches.get(index);
  }

  /** The keys of the entries node {@code index} holds itself: for a PARTITIONED cache, those it owns. */
  String[] keysHeldBy(int index) {
    return caches.get(index).local().export().stream().map(CacheEntry::key).toArray(String[]::new);
  }

  /**
   * Throws unless every node's own copy holds {@code entries} entries: a REPLICATED write has then
   * reached every node.
   */
  void requireEveryNodeHolds(long entries) {
    for (int i = 0; i < caches.size(); i++) {
      long held = caches.get(i).local().size();
      if (held != entries) {
        throw new IllegalStateException("node " + i + " holds " + held + " of " + entries
            + " entries: the nodes did not all become replicas of each other");
      }
    }
  }

  /** Closes every cache, then every node. */
  @Override
  public void close() {
    caches.forEach(Cache::close);
    nodes.forEach(VelaCluster::close);
  }
}
