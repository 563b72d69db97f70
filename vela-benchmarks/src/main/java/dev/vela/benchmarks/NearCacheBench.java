package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.core.CacheBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * What a near cache buys in front of Redis, in one run: the read throughput of a REDIS cache whose
 * L1 holds every key (near-cache hits), beside a LOCAL MEMORY cache's {@code get} (the near cache
 * should come close: target at least 0.9x), of entries that never expire (the memory backend's
 * fastest path) and of entries with a time to live (which, like an L1 hit, reads the clock), and
 * a plain REDIS cache's {@code get}, which crosses
 * the network each time (target: near-cache hits at least 50x faster). All three hold the same
 * {@link #KEYS} orders and read them in turn from one thread. The LOCAL read and the near-cache hit
 * are measured with {@code get} and again with {@code getOrDefault}, which returns no {@code Optional}.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar NearCacheBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NearCacheBench {
  /** How many keys each cache holds; a power of two, read round-robin. */
  static final int KEYS = 1024;

  private BenchRedisServer server;
  private Cache<String, Order> localMemory;
  private Cache<String, Order> localMemoryWithTtl;
  private Cache<String, Order> nearRedis;
  private Cache<String, Order> plainRedis;
  private final String[] keys = new String[KEYS];
  private int next;

  /** Starts Redis, opens the three caches, stores the orders, and reads each once so the L1 holds it. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    server = BenchRedisServer.start();
    localMemory = builder("near-bench-local", Backend.MEMORY).create();
    localMemoryWithTtl = builder("near-bench-local-ttl", Backend.MEMORY).defaultTtl(Duration.ofHours(1)).create();
    nearRedis = builder("near-bench-near", Backend.REDIS).option("url", server.url()).nearCache(true).create();
    plainRedis = builder("near-bench-plain", Backend.REDIS).option("url", server.url()).create();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "order:" + i;
      Order order = order(i);
      localMemory.put(keys[i], order);
      localMemoryWithTtl.put(keys[i], order);
      nearRedis.put(keys[i], order);
      plainRedis.put(keys[i], order);
    }
    // Redis reports the cache's own puts too, a little later: read until a whole round hits the L1
    long missesBefore = -1;
    for (int round = 0; round < 100 && nearRedis.local().stats().l1Misses() != missesBefore; round++) {
      missesBefore = nearRedis.local().stats().l1Misses();
      for (String key : keys) {
        nearRedis.get(key).orElseThrow();
      }
    }
  }

  private static CacheBuilder<String, Order, Cache<String, Order>> builder(String name, Backend backend) {
    return new CacheBuilder<String, Order, Cache<String, Order>>(
            new CacheTypes<>(TypeCodec.of("java.lang.String", Codecs.STRING),
                TypeCodec.of(Order.class.getName(), new OrderCodec())),
            name, backend, Topology.LOCAL, cache -> cache)
        .sweepInterval(Durations.INFINITE)
        .nearCacheL1Ttl(Duration.ofHours(1));
  }

  private static Order order(int i) {
    return new Order(
        new UUID(42, i), "Customer " + i, i, Instant.parse("2026-11-22T10:15:30Z"), OrderStatus.SHIPPED,
        List.of(new LineItem("SKU-" + i, 2, new BigDecimal("19.99"))), new BigDecimal("39.98"), Map.of("channel", "web"));
  }

  /** Closes the caches and stops Redis; prints the near cache's L1 hit count as a check. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    System.out.println("near cache: " + nearRedis.local().stats().l1Hits() + " L1 hits, "
        + nearRedis.local().stats().l1Misses() + " L1 misses");
    localMemory.close();
    localMemoryWithTtl.close();
    nearRedis.close();
    plainRedis.close();
    server.close();
  }

  private String nextKey() {
    next = (next + 1) & (KEYS - 1);
    return keys[next];
  }

  /** A LOCAL MEMORY cache's get: the ceiling a near-cache hit can reach. */
  @Benchmark
  public Order localMemoryGet() {
    return localMemory.get(nextKey()).orElseThrow();
  }

  /**
   * A LOCAL MEMORY cache's get of entries that expire, which reads the clock as an L1 hit does
   * (L1 entries always expire: {@code nearCacheL1Ttl} is finite).
   */
  @Benchmark
  public Order localMemoryGetWithTtl() {
    return localMemoryWithTtl.get(nextKey()).orElseThrow();
  }

  /** A REDIS cache's get answered by its near cache's L1. */
  @Benchmark
  public Order nearCacheHit() {
    return nearRedis.get(nextKey()).orElseThrow();
  }

  /** A LOCAL MEMORY cache's {@code getOrDefault}, which allocates no {@code Optional}. */
  @Benchmark
  public Order localMemoryGetOrDefault() {
    return localMemory.getOrDefault(nextKey(), null);
  }

  /** A REDIS cache's {@code getOrDefault} answered by its near cache's L1. */
  @Benchmark
  public Order nearCacheHitGetOrDefault() {
    return nearRedis.getOrDefault(nextKey(), null);
  }

  /** A REDIS cache's get without a near cache: one round trip to Redis each. */
  @Benchmark
  public Order redisGet() {
    return plainRedis.get(nextKey()).orElseThrow();
  }
}
