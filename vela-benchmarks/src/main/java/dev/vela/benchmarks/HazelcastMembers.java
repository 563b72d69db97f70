package dev.vela.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Embedded Hazelcast members in this JVM on free ports of 127.0.0.1, the peer of {@link VelaNodes}.
 * They are set up to do what the Vela caches do, so that both sides pay for the same work:
 *
 * <ul>
 *   <li>{@link Product} travels in Compact format through {@link ProductCompactSerializer};
 *   <li>maps keep no backups ({@code backup-count 0}), as a PARTITIONED cache without the
 *       {@code backups} option, so a put waits for the owner only;
 *   <li>the map {@link #NEAR_MAP} has a near cache holding objects, local entries included, as a
 *       Vela near cache keeps every key it read, decoded.
 * </ul>
 */
final class HazelcastMembers implements AutoCloseable {
  /** A map without a near cache. */
  static final String MAP = "products";
  /** A map with a near cache. */
  static final String NEAR_MAP = "products-near";
  /** A replicated map (Hazelcast's defaults: objects in memory, replication in the background). */
  static final String REPLICATED_MAP = "products-replicated";

  private final List<HazelcastInstance> members;

  private HazelcastMembers(List<HazelcastInstance> members) {
    this.members = members;
  }

  /** Starts {@code count} members that join each other over TCP, and waits until they see each other. */
  static HazelcastMembers start(int count) {
    List<Integer> ports = IntStream.range(0, count).mapToObj(i -> LoopbackPorts.free()).toList();
    List<String> addresses = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    List<HazelcastInstance> members = new ArrayList<>();
    try {
      for (int port : ports) {
        members.add(Hazelcast.newHazelcastInstance(config("topology-bench-" + ports.get(0), port, addresses)));
      }
      int seen = members.get(0).getCluster().getMembers().size();
      if (seen != count) {
        throw new IllegalStateException("Hazelcast formed a cluster of " + seen + " members instead of " + count
            + "; are the ports " + ports + " on 127.0.0.1 blocked?");
      }
      return new HazelcastMembers(members);
    } catch (RuntimeException e) {
      members.forEach(HazelcastInstance::shutdown);
      throw e;
    }
  }

  private static Config config(String clusterName, int port, List<String> addresses) {
    Config config = new Config().setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ProductCompactSerializer());
    config.addMapConfig(new MapConfig(MAP).setBackupCount(0).setAsyncBackupCount(0));
    config.addMapConfig(new MapConfig(NEAR_MAP).setBackupCount(0).setAsyncBackupCount(0)
        .setNearCacheConfig(new NearCacheConfig(NEAR_MAP).setInMemoryFormat(InMemoryFormat.OBJECT)
            .setCacheLocalEntries(true)));
    return config;
  }

  /** Member {@code index} (0 is the one the benchmarks call). */
  HazelcastInstance member(int index) {
    return members.get(index);
  }

  /** The keys among {@code keys} whose partition member {@code index} owns. */
  String[] keysOwnedBy(int index, String[] keys) {
    HazelcastInstance member = members.get(index);
    return Arrays.stream(keys)
        .filter(key -> member.getPartitionService().getPartition(key).getOwner().localMember())
        .toArray(String[]::new);
  }

  /** Shuts every member down. */
  @Override
  public void close() {
    members.forEach(HazelcastInstance::shutdown);
  }
}
