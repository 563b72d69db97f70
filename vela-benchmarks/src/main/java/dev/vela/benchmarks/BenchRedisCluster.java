package dev.vela.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of primaries only for a benchmark run, on 127.0.0.1: the nodes meet, share the
 * 16384 slots in equal ranges, and are ready once each reports {@code cluster_state:ok}.
 */
final class BenchRedisCluster implements AutoCloseable {
  private static final int SLOTS = 16_384;
  private final List<BenchRedisServer> primaries;

  private BenchRedisCluster(List<BenchRedisServer> primaries) {
    this.primaries = primaries;
  }

  /** Starts {@code count} primaries and forms the cluster. */
  static BenchRedisCluster start(int count) throws IOException, InterruptedException {
    List<BenchRedisServer> nodes = new ArrayList<>();
    BenchRedisCluster cluster = new BenchRedisCluster(nodes);
    try {
      for (int i = 0; i < count; i++) {
        nodes.add(BenchRedisServer.startClusterNode());
      }
      cluster.form();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void form() {
    RedisClient client = RedisClient.create();
    List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    try {
      for (BenchRedisServer node : primaries) {
        connections.add(client.connect(RedisURI.create(node.url())));
      }
      for (BenchRedisServer node : primaries.subList(1, primaries.size())) {
        connections.get(0).sync().clusterMeet("127.0.0.1", node.port());
      }
      for (int i = 0; i < primaries.size(); i++) {
        connections.get(i).sync().clusterAddSlots(
            IntStream.range(i * SLOTS / primaries.size(), (i + 1) * SLOTS / primaries.size()).toArray());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!connections.stream().allMatch(c -> c.sync().clusterInfo().contains("cluster_state:ok"))) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the benchmark's Redis Cluster was not ok within 30 s");
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
    } finally {
      connections.forEach(StatefulRedisConnection::close);
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** The seed nodes as the clusterNodes option takes them. */
  String nodes() {
    return String.join(",", primaries.stream().map(node -> "127.0.0.1:" + node.port()).toList());
  }

  /** The primaries. */
  List<BenchRedisServer> primaries() {
    return primaries;
  }

  /**
   * The calls of each command on each node since the last reset, from INFO commandstats, by node
   * port and command name; resets them afterwards when {@code reset} is true.
   */
  static Map<Integer, Map<String, Long>> commandCalls(List<BenchRedisServer> nodes, boolean reset) {
    Map<Integer, Map<String, Long>> calls = new LinkedHashMap<>();
    RedisClient client = RedisClient.create();
    try {
      for (BenchRedisServer node : nodes) {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(node.url()))) {
          Map<String, Long> byCommand = new LinkedHashMap<>();
          for (String line : connection.sync().info("commandstats").split("\\R")) {
            if (line.startsWith("cmdstat_")) {
              byCommand.put(line.substring("cmdstat_".length(), line.indexOf(':')), Long.parseLong(
                  line.substring(line.indexOf("calls=") + "calls=".length(), line.indexOf(','))));
            }
          }
          calls.put(node.port(), byCommand);
          if (reset) {
            connection.sync().configResetstat();
          }
        }
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    return calls;
  }

  @Override
  public void close() throws InterruptedException {
    for (BenchRedisServer node : primaries) {
      node.close();
    }
  }
}
