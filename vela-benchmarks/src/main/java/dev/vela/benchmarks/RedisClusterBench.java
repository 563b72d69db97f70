package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.CacheBuilder;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The REDIS backend on a Redis Cluster of {@link #PRIMARIES} primaries (started by the benchmark on
 * loopback, beside one plain server in the same run):
 *
 * <ul>
 *   <li>16 threads of {@code get} over {@link #KEYS} keys on the cluster against the same on the one
 *       server ({@code get16Cluster}, {@code get16OneServer});
 *   <li>one thread's {@code get} and {@code put} of one key on the cluster against Lettuce's cluster
 *       GET and SET of the same bytes ({@code velaGet}/{@code lettuceGet}, {@code velaPut}/{@code
 *       lettuceSet}).
 * </ul>
 *
 * All the servers share the machine's cores with the benchmark, so on a small machine the
 * cluster's advantage is bounded by the cores, not by Redis: each trial therefore prints how the
 * commands it caused spread over the shards (INFO commandstats), which does not depend on load.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar RedisClusterBench -f 1 -wi 2 -i 3 -w 1s -r 2s}
 *
 * <p>{@link RedisClusterCpuMain} runs the same subjects and reports the CPU time each operation
 * costs the client and the servers, figures that load on the machine hardly moves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisClusterBench {
  static final int PRIMARIES = 3;
  static final int KEYS = 10_000;
  private static final String KEY = "order:42";
  private static final byte[] RAW_KEY = "raw:order:42".getBytes(StandardCharsets.UTF_8);

  private BenchRedisServer server;
  private BenchRedisCluster cluster;
  private Cache<String, Order> onServer;
  private Cache<String, Order> onCluster;
  private RedisClusterClient rawClient;
  private StatefulRedisClusterConnection<byte[], byte[]> rawConnection;
  private RedisAdvancedClusterCommands<byte[], byte[]> raw;
  private Order order;
  private byte[] orderBytes;
  private String[] keys;

  /** Starts the server and the cluster, opens a cache on each and the raw connection, stores the orders. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    server = BenchRedisServer.start();
    cluster = BenchRedisCluster.start(PRIMARIES);
    onServer = cache("bench-server").option("url", server.url()).create();
    onCluster = cache("bench-cluster").option("clusterNodes", cluster.nodes()).create();
    rawClient = RedisClusterClient.create(RedisURI.create(cluster.primaries().get(0).url()));
    rawConnection = rawClient.connect(ByteArrayCodec.INSTANCE);
    raw = rawConnection.sync();
    order = new Order(
        UUID.fromString("5f0c2d4e-8a31-4b6f-9c7d-2e1a3b4c5d6e"), "Ada Lovelace", 42L,
        Instant.parse("2026-11-22T10:15:30.123456789Z"), OrderStatus.SHIPPED,
        List.of(new LineItem("SKU-1001", 2, new BigDecimal("19.99")),
            new LineItem("SKU-2002", 1, new BigDecimal("5.49"))),
        new BigDecimal("45.47"), Map.of("channel", "web"));
    // the bytes Vela stores: 8 bytes of expiry, then the framed order
    byte[] framed = Codecs.toBytes(new OrderCodec(), order);
    orderBytes = ByteBuffer.allocate(Long.BYTES + framed.length).putLong(Long.MAX_VALUE).put(framed).array();
    keys = new String[KEYS];
    Map<String, Order> batch = new LinkedHashMap<>();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "order:" + i;
      batch.put(keys[i], order);
      if (batch.size() == 500 || i == KEYS - 1) {
        onServer.putAll(batch);
        onCluster.putAll(batch);
        batch.clear();
      }
    }
    onCluster.put(KEY, order);
    raw.set(RAW_KEY, orderBytes);
    BenchRedisCluster.commandCalls(cluster.primaries(), true);
  }

  private static CacheBuilder<String, Order, Cache<String, Order>> cache(String name) {
    return new CacheBuilder<String, Order, Cache<String, Order>>(
            new CacheTypes<>(TypeCodec.of("java.lang.String", Codecs.STRING),
                TypeCodec.of(Order.class.getName(), new OrderCodec())),
            name, Backend.REDIS, Topology.LOCAL, cache -> cache)
        .sweepInterval(Durations.INFINITE);
  }

  /** Prints the commands each shard served in this trial, then closes everything and stops the servers. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    Map<Integer, Map<String, Long>> calls = BenchRedisCluster.commandCalls(cluster.primaries(), false);
    StringBuilder spread = new StringBuilder("\nper-shard commands of this trial (INFO commandstats):");
    calls.forEach((port, byCommand) -> spread.append("\n  primary :").append(port).append(' ').append(byCommand));
    System.out.println(spread);
    onServer.close();
    onCluster.close();
    rawConnection.close();
    rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    cluster.close();
    server.close();
  }

  /** The cluster of the trial, once {@link #setUp} ran. */
  BenchRedisCluster cluster() {
    return cluster;
  }

  /** The one server of the trial, once {@link #setUp} ran. */
  BenchRedisServer server() {
    return server;
  }

  /** 16 threads reading random keys of the cache on the cluster. */
  @Benchmark
  @Threads(16)
  public Order get16Cluster() {
    return onCluster.get(keys[ThreadLocalRandom.current().nextInt(KEYS)]).orElseThrow();
  }

  /** 16 threads reading random keys of the cache on the one server. */
  @Benchmark
  @Threads(16)
  public Order get16OneServer() {
    return onServer.get(keys[ThreadLocalRandom.current().nextInt(KEYS)]).orElseThrow();
  }

  /** Vela on the cluster: read and decode one order. */
  @Benchmark
  public Order velaGet() {
    return onCluster.get(KEY).orElseThrow();
  }

  /** Lettuce on the cluster: GET the same number of bytes, not decoded. */
  @Benchmark
  public byte[] lettuceGet() {
    return raw.get(RAW_KEY);
  }

  /** Vela on the cluster: encode and store one order, with its expiry index entry. */
  @Benchmark
  public void velaPut() {
    onCluster.put(KEY, order);
  }

  /** Lettuce on the cluster: SET the same number of bytes. */
  @Benchmark
  public String lettuceSet() {
    return raw.set(RAW_KEY, orderBytes);
  }
}
