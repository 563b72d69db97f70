package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
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
 * a plain REDIS cache's {@code get}, which crosses the network each time (target: near-cache hits
 * at least 50x faster). Each cache holds the same {@link #KEYS} orders, read in turn from one
 * thread. The LOCAL read and the near-cache hit are measured with {@code get} and again with
 * {@code getOrDefault}, which returns no {@code Optional}.
 *
 * <p>Each benchmark opens only the cache it reads (and Redis only where it needs it), in a fork of
 * its own, as {@link TopologyBench} does. With every cache open in every fork, the core's read was
 * compiled for two topologies at once: the LOCAL read slowed to about a hit's speed, and whether a
 * hit allocated its {@code Optional} came down to a few bytes of compiled code.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar NearCacheBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NearCacheBench {
  /** How many keys each cache holds; a power of two, read round-robin. */
  static final int KEYS = 1024;

  /** A cache holding every order, the next key to read, and the Redis server behind it, if any. */
  abstract static class Orders {
    final String[] keys = new String[KEYS];
    Cache<String, Order> cache;
    private BenchRedisServer server; // null for the LOCAL caches
    private int next;

    /** Starts a Redis server for this state's cache and returns its URL. */
    String startRedis() throws IOException, InterruptedException {
      server = BenchRedisServer.start();
      return server.url();
    }

    /** Closes the cache, then the Redis server behind it. */
    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
      cache.close();
      if (server != null) {
        server.close();
      }
    }

    /** Stores every order in {@code opened}. */
    void fill(Cache<String, Order> opened) {
      cache = opened;
      for (int i = 0; i < KEYS; i++) {
        keys[i] = "order:" + i;
        cache.put(keys[i], order(i));
      }
    }

    String nextKey() {
      next = (next + 1) & (KEYS - 1);
      return keys[next];
    }
  }

  /** A LOCAL MEMORY cache of entries that never expire. */
  @State(Scope.Benchmark)
  public static class LocalMemory extends Orders {
    @Setup(Level.Trial)
    public void open() {
      fill(builder("near-bench-local", Backend.MEMORY).create());
    }
  }

  /** A LOCAL MEMORY cache of entries with a time to live. */
  @State(Scope.Benchmark)
  public static class LocalMemoryWithTtl extends Orders {
    @Setup(Level.Trial)
    public void open() {
      fill(builder("near-bench-local-ttl", Backend.MEMORY).defaultTtl(Duration.ofHours(1)).create());
    }
  }

  /** A REDIS cache with a near cache whose L1 holds every key, and the Redis server behind it. */
  @State(Scope.Benchmark)
  public static class NearRedis extends Orders {
    /** Starts Redis, stores the orders, and reads each until a whole round hits the L1. */
    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
      fill(builder("near-bench-near", Backend.REDIS).option("url", startRedis()).nearCache(true).create());
      // Redis reports the cache's own puts too, a little later
      NearCacheWarmup.readUntilL1HoldsAll(cache, keys);
    }

    /** Prints the L1 hit count as a check, then closes the cache and Redis. */
    @Override
    public void close() throws InterruptedException {
      System.out.println("near cache: " + NearCacheWarmup.l1Counts(cache));
      super.close();
    }
  }

  /** A REDIS cache without a near cache, and its Redis server. */
  @State(Scope.Benchmark)
  public static class PlainRedis extends Orders {
    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
      fill(builder("near-bench-plain", Backend.REDIS).option("url", startRedis()).create());
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

  /** A LOCAL MEMORY cache's get: the ceiling a near-cache hit can reach. */
  @Benchmark
  public Order localMemoryGet(LocalMemory local) {
    return local.cache.get(local.nextKey()).orElseThrow();
  }

  /**
   * A LOCAL MEMORY cache's get of entries that expire, which reads the clock as an L1 hit does
   * (L1 entries always expire: {@code nearCacheL1Ttl} is finite).
   */
  @Benchmark
  public Order localMemoryGetWithTtl(LocalMemoryWithTtl local) {
    return local.cache.get(local.nextKey()).orElseThrow();
  }

  /** A REDIS cache's get answered by its near cache's L1. */
  @Benchmark
  public Order nearCacheHit(NearRedis near) {
    return near.cache.get(near.nextKey()).orElseThrow();
  }

  /** A LOCAL MEMORY cache's {@code getOrDefault}, which allocates no {@code Optional}. */
  @Benchmark
  public Order localMemoryGetOrDefault(LocalMemory local) {
    return local.cache.getOrDefault(local.nextKey(), null);
  }

  /** A REDIS cache's {@code getOrDefault} answered by its near cache's L1. */
  @Benchmark
  public Order nearCacheHitGetOrDefault(NearRedis near) {
    return near.cache.getOrDefault(near.nextKey(), null);
  }

  /** A REDIS cache's get without a near cache: one round trip to Redis each. */
  @Benchmark
  public Order redisGet(PlainRedis redis) {
    return redis.cache.get(redis.nextKey()).orElseThrow();
  }
}
