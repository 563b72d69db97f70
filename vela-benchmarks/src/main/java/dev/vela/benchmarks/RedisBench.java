package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Redis backend against plain Lettuce on the same redis-server (started by the benchmark on
 * loopback): Vela's {@code get} and {@code put} of an {@link Order}, against Lettuce's GET and SET
 * of bytes as long as those Vela stores. Both use one connection from one thread, so the
 * difference is what Vela adds: key encoding, the expiry envelope, decoding, stats, and for a put
 * the script that keeps the expiry index and tag sets. The atomic operations and bulk calls are
 * measured on the same connection: {@code getAll} of {@link #BULK} keys against as many {@code
 * get}s one after another, {@code merge} (a read, then a conditional write) and {@code
 * putIfAbsent} (one conditional write) against {@code get} and {@code put}, and {@link #BULK}
 * {@code getAsync} calls in flight at once against as many {@code get}s one after another.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar RedisBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedisBench {
  private static final String KEY = "order:42";
  private static final byte[] RAW_KEY = "raw:order:42".getBytes(StandardCharsets.UTF_8);
  /** How many keys a bulk call reads. */
  static final int BULK = 100;

  private BenchRedisServer server;
  private Cache<String, Order> vela;
  private RedisClient rawClient;
  private StatefulRedisConnection<byte[], byte[]> rawConnection;
  private RedisCommands<byte[], byte[]> raw;
  private Order order;
  private byte[] orderBytes;
  private List<String> bulkKeys;

  /** Starts the server, opens the cache and the raw connection, and stores the order in both. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    server = BenchRedisServer.start();
    vela = new CacheBuilder<String, Order, Cache<String, Order>>(
            new CacheTypes<>(TypeCodec.of("java.lang.String", Codecs.STRING), TypeCodec.of(Order.class.getName(),
                new OrderCodec())),
            "bench", Backend.REDIS, Topology.LOCAL, cache -> cache)
        .option("url", server.url())
        .sweepInterval(Durations.INFINITE)
        .create();
    rawClient = RedisClient.create(server.url());
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
    vela.put(KEY, order);
    raw.set(RAW_KEY, orderBytes);
    bulkKeys = new ArrayList<>();
    for (int i = 0; i < BULK; i++) {
      bulkKeys.add("order:bulk:" + i);
      vela.put("order:bulk:" + i, order);
    }
  }

  /** Closes everything and stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    vela.close();
    rawConnection.close();
    rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    server.close();
  }

  /** Vela: read and decode the order. */
  @Benchmark
  public Order velaGet() {
    return vela.get(KEY).orElseThrow();
  }

  /** Lettuce: GET the same number of bytes, not decoded. */
  @Benchmark
  public byte[] lettuceGet() {
    return raw.get(RAW_KEY);
  }

  /** Vela: encode and store the order, with its expiry index entry. */
  @Benchmark
  public void velaPut() {
    vela.put(KEY, order);
  }

  /** Lettuce: SET the same number of bytes. */
  @Benchmark
  public String lettuceSet() {
    return raw.set(RAW_KEY, orderBytes);
  }

  /** Vela: read {@link #BULK} orders in one call (one MGET). */
  @Benchmark
  public Map<String, Order> velaGetAll() {
    return vela.getAll(bulkKeys);
  }

  /** Vela: read the same {@link #BULK} orders with one {@code get} each. */
  @Benchmark
  public void velaGetEach(Blackhole sink) {
    for (String key : bulkKeys) {
      sink.consume(vela.get(key));
    }
  }

  /** Vela: the same {@link #BULK} orders with one {@code getAsync} each, all in flight at once. */
  @Benchmark
  public void velaGetAsyncEach(Blackhole sink) {
    CompletableFuture<?>[] reads = new CompletableFuture<?>[BULK];
    for (int i = 0; i < BULK; i++) {
      reads[i] = vela.getAsync(bulkKeys.get(i));
    }
    CompletableFuture.allOf(reads).join();
    for (CompletableFuture<?> read : reads) {
      sink.consume(read.join());
    }
  }

  /** Vela: merge into a present, uncontended key: a read, then a conditional write. */
  @Benchmark
  public Order velaMerge() {
    return vela.merge(KEY, order, (stored, given) -> given);
  }

  /** Vela: put-if-absent on a present key: one conditional write that does not apply. */
  @Benchmark
  public boolean velaPutIfAbsent() {
    return vela.putIfAbsent(KEY, order);
  }
}
