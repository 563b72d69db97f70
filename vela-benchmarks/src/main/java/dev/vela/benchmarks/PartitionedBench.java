package dev.vela.benchmarks;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.core.CacheBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A get of a key that lives on the other node of a two-node cluster over loopback: Vela's
 * PARTITIONED cache (one JGroups call to the owner) against Hazelcast's embedded {@code IMap.get}
 * on two members. Both clusters run in the benchmark's JVM, one at a time; every key read is owned
 * by the second node, so each get crosses the network stack. Latency percentiles come from
 * SampleTime, throughput from Throughput, with one caller thread.
 *
 * <p>{@code java --add-opens java.base/java.lang=ALL-UNNAMED -jar vela-benchmarks/target/benchmarks.jar
 * PartitionedBench -f 1 -wi 2 -i 3 -w 2s -r 3s}
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Djava.net.preferIPv4Stack=true"})
public class PartitionedBench {
  private static final int KEYS = 10_000;
  private static final String VALUE = "v".repeat(100);

  /** Two Vela nodes with the cache on each; the keys the second one owns. */
  @State(Scope.Benchmark)
  public static class VelaNodes {
    private final List<VelaCluster> nodes = new ArrayList<>();
    private final List<Cache<String, String>> caches = new ArrayList<>();
    String[] remoteKeys;
    Cache<String, String> caller;

    /** Starts both nodes, fills the cache, and picks the keys the second node owns. */
    @Setup(Level.Trial)
    public void start() {
      int first = freePort();
      int second = freePort();
      String hosts = "127.0.0.1[" + first + "],127.0.0.1[" + second + "]";
      for (int port : new int[] {first, second}) {
        nodes.add(VelaCluster.builder().clusterName("vela-bench").port(port).initialHosts(hosts)
            .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(5)).start());
      }
      nodes.get(0).awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(30));
      for (VelaCluster node : nodes) {
        caches.add(new CacheBuilder<String, String, Cache<String, String>>(
                new CacheTypes<>(TypeCodec.of("java.lang.String", Codecs.STRING), TypeCodec.of("java.lang.String", Codecs.STRING)),
                "bench", Backend.MEMORY, Topology.PARTITIONED, cache -> cache)
            .sweepInterval(Durations.INFINITE)
            .statsEnabled(false)
            .cluster(node)
            .create());
      }
      caller = caches.get(0);
      for (int i = 0; i < KEYS; i++) {
        caller.put("key-" + i, VALUE);
      }
      remoteKeys = caches.get(1).local().export().stream().map(CacheEntry::key).toArray(String[]::new);
    }

    /** Closes the caches, then the nodes. */
    @TearDown(Level.Trial)
    public void stop() {
      caches.forEach(Cache::close);
      nodes.forEach(VelaCluster::close);
    }
  }

  /** Two embedded Hazelcast members on loopback; the keys the second one owns. */
  @State(Scope.Benchmark)
  public static class HazelcastMembers {
    private final List<HazelcastInstance> members = new ArrayList<>();
    String[] remoteKeys;
    IMap<String, String> caller;

    /** Starts both members, fills the map, and picks the keys whose partition the second owns. */
    @Setup(Level.Trial)
    public void start() {
      int first = freePort();
      int second = freePort();
      for (int port : new int[] {first, second}) {
        Config config = new Config().setClusterName("hz-bench");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + first, "127.0.0.1:" + second));
        members.add(Hazelcast.newHazelcastInstance(config));
      }
      HazelcastInstance local = members.get(0);
      caller = local.getMap("bench");
      List<String> remote = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        String key = "key-" + i;
        caller.put(key, VALUE);
        if (!local.getPartitionService().getPartition(key).getOwner().localMember()) {
          remote.add(key);
        }
      }
      remoteKeys = remote.toArray(String[]::new);
    }

    /** Stops both members. */
    @TearDown(Level.Trial)
    public void stop() {
      members.forEach(HazelcastInstance::shutdown);
    }
  }

  /** Which key a caller thread reads next. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** Vela: a get whose owner is the other node. */
  @Benchmark
  public String velaRemoteGet(VelaNodes vela, Cursor cursor) {
    String[] keys = vela.remoteKeys;
    return vela.caller.get(keys[cursor.next++ % keys.length]).orElseThrow();
  }

  /** Hazelcast: an {@code IMap.get} whose partition the other member owns. */
  @Benchmark
  public String hazelcastRemoteGet(HazelcastMembers hazelcast, Cursor cursor) {
    String[] keys = hazelcast.remoteKeys;
    return hazelcast.caller.get(keys[cursor.next++ % keys.length]);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
