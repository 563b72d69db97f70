package dev.vela.benchmarks;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * Infinispan's side of {@link RemoteGetMain}: two embedded nodes, one per JVM, and a DIST_SYNC cache
 * with one owner per key over JGroups TCP on 127.0.0.1 (Infinispan's default TCP stack with a static
 * host list). Values are {@link Product}s encoded by {@link ProductCodec}, decoded on every read as
 * Vela decodes them, so neither side needs a schema.
 */
final class RemoteInfinispan implements RemoteSubject {
  private static final String CACHE = "products";
  private static final ProductCodec CODEC = new ProductCodec();

  private final DefaultCacheManager manager;
  private final Cache<String, byte[]> cache;
  private final String[] remoteKeys;

  private RemoteInfinispan(DefaultCacheManager manager, Cache<String, byte[]> cache, String[] remoteKeys) {
    this.manager = manager;
    this.cache = cache;
    this.remoteKeys = remoteKeys;
  }

  static AutoCloseable serve(int serverPort, int clientPort) {
    DefaultCacheManager manager = manager(serverPort, serverPort, clientPort);
    manager.getCache(CACHE);
    return manager::stop;
  }

  static RemoteInfinispan connect(int serverPort, int clientPort) {
    DefaultCacheManager manager = manager(clientPort, serverPort, clientPort);
    Cache<String, byte[]> cache = manager.getCache(CACHE);
    if (manager.getMembers().size() != 2) {
      manager.stop();
      throw new IllegalStateException("Infinispan did not form a cluster of two nodes on 127.0.0.1");
    }
    Map<String, byte[]> all = new HashMap<>();
    IntStream.range(0, RemoteProduct.KEYS).forEach(i -> all.put(RemoteProduct.key(i), encode(Product.numbered(i))));
    cache.putAll(all);
    var topology = cache.getAdvancedCache().getDistributionManager().getCacheTopology();
    String[] remote = IntStream.range(0, RemoteProduct.KEYS).mapToObj(RemoteProduct::key)
        .filter(key -> !topology.getDistribution(key).isPrimary())
        .toArray(String[]::new);
    return new RemoteInfinispan(manager, cache, remote);
  }

  private static DefaultCacheManager manager(int port, int serverPort, int clientPort) {
    System.setProperty("remoteget.port", String.valueOf(port));
    System.setProperty("remoteget.hosts", "127.0.0.1[" + serverPort + "],127.0.0.1[" + clientPort + "]");
    GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
    global.transport().clusterName("remote-get-" + serverPort).nodeName("node-" + port)
        .addProperty("configurationFile", "remote-get-infinispan-jgroups.xml");
    global.jmx().disable();
    ConfigurationBuilder cache = new ConfigurationBuilder();
    cache.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(1);
    cache.statistics().disable();
    DefaultCacheManager manager = new DefaultCacheManager(global.build());
    manager.defineConfiguration(CACHE, cache.build());
    return manager;
  }

  private static byte[] encode(Product product) {
    CodecOutput out = new CodecOutput(64);
    CODEC.encode(product, out);
    return out.toByteArray();
  }

  @Override
  public String[] remoteKeys() {
    return remoteKeys;
  }

  @Override
  public Object get(String key) {
    byte[] bytes = cache.get(key);
    if (bytes == null) {
      throw new IllegalStateException("no entry for " + key);
    }
    return CODEC.decode(new CodecInput(bytes));
  }

  @Override
  public int getAll(List<String> keys) {
    Map<String, byte[]> found = cache.getAdvancedCache().getAll(new LinkedHashSet<>(keys));
    found.values().forEach(bytes -> CODEC.decode(new CodecInput(bytes)));
    return found.size();
  }

  @Override
  public void close() {
    manager.stop();
  }
}
