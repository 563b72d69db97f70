package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.config.Durations;
import dev.vela.CacheBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Vela's side of {@link RemoteGetMain}: a PARTITIONED MEMORY cache of {@link Product}s on two nodes, no backups. */
final class RemoteVela implements RemoteSubject {
  private final VelaCluster node;
  private final Cache<String, Product> cache;
  private final String[] remoteKeys;

  private RemoteVela(VelaCluster node, Cache<String, Product> cache, String[] remoteKeys) {
    this.node = node;
    this.cache = cache;
    this.remoteKeys = remoteKeys;
  }

  static AutoCloseable serve(int serverPort, int clientPort) {
    VelaCluster node = node(serverPort, serverPort, clientPort);
    Cache<String, Product> cache = cache(node);
    return () -> {
      cache.close();
      node.close();
    };
  }

  static RemoteVela connect(int serverPort, int clientPort) {
    VelaCluster node = node(clientPort, serverPort, clientPort);
    node.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(60));
    Cache<String, Product> cache = cache(node);
    // filled from several threads: most puts cross to the other node
    IntStream.range(0, RemoteProduct.KEYS).parallel()
        .forEach(i -> cache.put(RemoteProduct.key(i), Product.numbered(i)));
    Set<String> own = new HashSet<>();
    for (CacheEntry<String, Product> entry : cache.local().export()) {
      own.add(entry.key());
    }
    String[] remote = IntStream.range(0, RemoteProduct.KEYS).mapToObj(RemoteProduct::key)
        .filter(key -> !own.contains(key)).toArray(String[]::new);
    return new RemoteVela(node, cache, remote);
  }

  private static VelaCluster node(int port, int serverPort, int clientPort) {
    return VelaCluster.builder().clusterName("remote-get-" + serverPort).port(port)
        .initialHosts("127.0.0.1[" + serverPort + "],127.0.0.1[" + clientPort + "]")
        .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(5)).start();
  }

  private static Cache<String, Product> cache(VelaCluster node) {
    return new CacheBuilder<String, Product, Cache<String, Product>>(
            VelaNodes.TYPES, "products", Backend.MEMORY, Topology.PARTITIONED, c -> c)
        .sweepInterval(Durations.INFINITE)
        .cluster(node)
        .create();
  }

  @Override
  public String[] remoteKeys() {
    return remoteKeys;
  }

  @Override
  public Object get(String key) {
    return cache.get(key).orElseThrow();
  }

  @Override
  public int getAll(List<String> keys) {
    return cache.getAll(keys).size();
  }

  @Override
  public void close() {
    System.out.printf(java.util.Locale.ROOT, "NOTE Vela client: %,d calls and replies in %,d messages%n",
        node.callsAndRepliesSent(), node.framesSent());
    cache.close();
    node.close();
  }
}
