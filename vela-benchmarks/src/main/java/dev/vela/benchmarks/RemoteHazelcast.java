package dev.vela.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Hazelcast's side of {@link RemoteGetMain}: two members, one per JVM, and an IMap without backups;
 * the calling member reads the keys whose partitions the other owns. {@link Product} travels in
 * Compact format.
 */
final class RemoteHazelcast implements RemoteSubject {
  private static final String MAP = "products";

  private final HazelcastInstance member;
  private final IMap<String, Product> map;
  private final String[] remoteKeys;

  private RemoteHazelcast(HazelcastInstance member, IMap<String, Product> map, String[] remoteKeys) {
    this.member = member;
    this.map = map;
    this.remoteKeys = remoteKeys;
  }

  static AutoCloseable serve(int serverPort, int clientPort) {
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config(serverPort, serverPort, clientPort));
    member.getMap(MAP);
    return member::shutdown;
  }

  static RemoteHazelcast connect(int serverPort, int clientPort) {
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config(clientPort, serverPort, clientPort));
    if (member.getCluster().getMembers().size() != 2) {
      member.shutdown();
      throw new IllegalStateException("Hazelcast did not form a cluster of two members on 127.0.0.1");
    }
    IMap<String, Product> map = member.getMap(MAP);
    Map<String, Product> all = new HashMap<>();
    IntStream.range(0, RemoteProduct.KEYS).forEach(i -> all.put(RemoteProduct.key(i), Product.numbered(i)));
    map.putAll(all);
    String[] remote = IntStream.range(0, RemoteProduct.KEYS).mapToObj(RemoteProduct::key)
        .filter(key -> !member.getPartitionService().getPartition(key).getOwner().localMember())
        .toArray(String[]::new);
    return new RemoteHazelcast(member, map, remote);
  }

  private static Config config(int port, int serverPort, int clientPort) {
    Config config = new Config().setClusterName("remote-get-" + serverPort);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + serverPort, "127.0.0.1:" + clientPort));
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ProductCompactSerializer());
    config.addMapConfig(new MapConfig(MAP).setBackupCount(0).setAsyncBackupCount(0));
    return config;
  }

  @Override
  public String[] remoteKeys() {
    return remoteKeys;
  }

  @Override
  public Object get(String key) {
    return Objects.requireNonNull(map.get(key), key);
  }

  @Override
  public int getAll(List<String> keys) {
    return map.getAll(new LinkedHashSet<>(keys)).size();
  }

  @Override
  public void close() {
    member.shutdown();
  }
}
