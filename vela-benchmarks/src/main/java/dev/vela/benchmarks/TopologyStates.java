package dev.vela.benchmarks;

import com.hazelcast.map.IMap;
import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.Codecs;
import dev.vela.config.Durations;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The caches, maps, clusters and servers of {@link TopologyBench}, one JMH state each. JMH creates
 * only the states a benchmark method names, in that method's own fork, and closes them at the end
 * of its trial, so no cluster outlives the method that measured it. Every state holds the same
 * {@link #KEYS} keys with {@link Product#numbered(int)} values, written through node or member 0.
 */
public final class TopologyStates {
  /** How many keys every cache and map holds. */
  static final int KEYS = 1024;

  private TopologyStates() {}

  static String[] allKeys() {
    String[] keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "product:" + i;
    }
    return keys;
  }

  /** Which key a caller thread takes next. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    <T> T next(T[] keys) {
      next = next + 1 < keys.length ? next + 1 : 0;
      return keys[next];
    }
  }

  /** A LOCAL MEMORY cache, no cluster. */
  @State(Scope.Benchmark)
  public static class VelaLocal {
    Cache<String, Product> cache;
    final String[] keys = allKeys();

    /** Opens the cache and fills it. */
    @Setup(Level.Trial)
    public void start() {
      cache = new CacheBuilder<String, Product, Cache<String, Product>>(
              VelaNodes.TYPES, "products", Backend.MEMORY, Topology.LOCAL, c -> c)
          .sweepInterval(Durations.INFINITE)
          .create();
      for (int i = 0; i < KEYS; i++) {
        cache.put(keys[i], Product.numbered(i));
      }
    }

    /** Closes the cache. */
    @TearDown(Level.Trial)
    public void stop() {
      cache.close();
    }
  }

  /** Vela nodes in this JVM with one cache, filled through node 0, which the benchmarks call. */
  @State(Scope.Benchmark)
  public abstract static class VelaState {
    VelaNodes nodes;
    Cache<String, Product> caller;
    final String[] keys = allKeys();

    abstract VelaNodes startNodes();

    /** Runs once the cache is filled. */
    void filled() {}

    /** Runs before the nodes close. */
    void closing() {}

    /** Starts the nodes and fills the cache. */
    @Setup(Level.Trial)
    public void start() {
      nodes = startNodes();
      caller = nodes.cache(0);
      for (int i = 0; i < KEYS; i++) {
        caller.put(keys[i], Product.numbered(i));
      }
      filled();
    }

    /** Closes the caches and the nodes. */
    @TearDown(Level.Trial)
    public void stop() {
      closing();
      nodes.close();
    }
  }

  /** Two nodes with a REPLICATED cache. */
  @State(Scope.Benchmark)
  public static class VelaReplicated extends VelaState {
    @Override
    VelaNodes startNodes() {
      return VelaNodes.start(2, Topology.REPLICATED, false);
    }

    /** Checks that every node holds every key, so that a put measured later really reaches them all. */
    @Override
    void filled() {
      nodes.requireEveryNodeHolds(KEYS);
    }
  }

  /** Three nodes with a REPLICATED cache. */
  @State(Scope.Benchmark)
  public static class VelaReplicatedThree extends VelaReplicated {
    @Override
    VelaNodes startNodes() {
      return VelaNodes.start(3, Topology.REPLICATED, false);
    }
  }

  /** Two nodes with a PARTITIONED cache, and the keys each node owns. */
  @State(Scope.Benchmark)
  public static class VelaPartitioned extends VelaState {
    String[] remoteKeys;
    String[] ownKeys;

    @Override
    VelaNodes startNodes() {
      return VelaNodes.start(2, Topology.PARTITIONED, false);
    }

    @Override
    void filled() {
      remoteKeys = nodes.keysHeldBy(1);
      ownKeys = nodes.keysHeldBy(0);
      if (remoteKeys.length == 0 || ownKeys.length == 0) {
        throw new IllegalStateException("the ring gave node 0 " + ownKeys.length + " and node 1 " + remoteKeys.length
            + " of " + KEYS + " keys; both need some for remote and own reads");
      }
    }
  }

  /** Two nodes with a PARTITIONED cache behind a near cache whose L1 on node 0 holds every key. */
  @State(Scope.Benchmark)
  public static class VelaNear extends VelaState {
    @Override
    VelaNodes startNodes() {
      return VelaNodes.start(2, Topology.PARTITIONED, true);
    }

    /** Reads every key until a whole round is answered by the L1, for at most 100 rounds. */
    @Override
    void filled() {
      NearCacheWarmup.readUntilL1HoldsAll(caller, keys);
    }

    /** Prints the L1's counts, as a check that the hits were hits. */
    @Override
    void closing() {
      System.out.println("vela near cache: " + NearCacheWarmup.l1Counts(caller));
    }
  }

  /** Hazelcast members in this JVM with one map, filled through member 0, which the benchmarks call. */
  @State(Scope.Benchmark)
  public abstract static class HazelcastState {
    HazelcastMembers members;
    final String[] keys = allKeys();

    abstract int size();

    /** Takes the map from member 0. */
    abstract void open(HazelcastMembers started);

    abstract void write(String key, Product value);

    /** Runs once the map is filled. */
    void filled() {}

    /** Runs before the members shut down. */
    void closing() {}

    /** Starts the members and fills the map. */
    @Setup(Level.Trial)
    public void start() {
      members = HazelcastMembers.start(size());
      open(members);
      for (int i = 0; i < KEYS; i++) {
        write(keys[i], Product.numbered(i));
      }
      filled();
    }

    /** Shuts the members down. */
    @TearDown(Level.Trial)
    public void stop() {
      closing();
      members.close();
    }
  }

  /** Two members with an IMap without backups, and the keys each member owns. */
  @State(Scope.Benchmark)
  public static class HazelcastPartitioned extends HazelcastState {
    IMap<String, Product> caller;
    String[] remoteKeys;
    String[] ownKeys;

    @Override
    int size() {
      return 2;
    }

    @Override
    void open(HazelcastMembers started) {
      caller = started.member(0).getMap(HazelcastMembers.MAP);
    }

    @Override
    void write(String key, Product value) {
      caller.set(key, value);
    }

    @Override
    void filled() {
      remoteKeys = members.keysOwnedBy(1, keys);
      ownKeys = members.keysOwnedBy(0, keys);
    }
  }

  /** Two members with an IMap whose near cache on member 0 holds every key. */
  @State(Scope.Benchmark)
  public static class HazelcastNear extends HazelcastState {
    IMap<String, Product> caller;

    @Override
    int size() {
      return 2;
    }

    @Override
    void open(HazelcastMembers started) {
      caller = started.member(0).getMap(HazelcastMembers.NEAR_MAP);
    }

    @Override
    void write(String key, Product value) {
      caller.set(key, value);
    }

    /** Reads every key twice: the first read fills the near cache, the second checks it holds. */
    @Override
    void filled() {
      for (int round = 0; round < 2; round++) {
        for (String key : keys) {
          caller.get(key);
        }
      }
    }

    /** Prints the near cache's counts, as a check that the hits were hits. */
    @Override
    void closing() {
      var stats = caller.getLocalMapStats().getNearCacheStats();
      System.out.println("hazelcast near cache: " + stats.getHits() + " hits, " + stats.getMisses() + " misses");
    }
  }

  /** Two members with a ReplicatedMap. */
  @State(Scope.Benchmark)
  public static class HazelcastReplicated extends HazelcastState {
    ReplicatedMap<String, Product> caller;

    @Override
    int size() {
      return 2;
    }

    @Override
    void open(HazelcastMembers started) {
      caller = started.member(0).getReplicatedMap(HazelcastMembers.REPLICATED_MAP);
    }

    @Override
    void write(String key, Product value) {
      caller.put(key, value);
    }
  }

  /** Three members with a ReplicatedMap. */
  @State(Scope.Benchmark)
  public static class HazelcastReplicatedThree extends HazelcastReplicated {
    @Override
    int size() {
      return 3;
    }
  }

  /** A redis-server on loopback, a Vela REDIS cache and a raw Lettuce connection, both filled. */
  @State(Scope.Benchmark)
  public static class Redis {
    private BenchRedisServer server;
    private RedisClient rawClient;
    private StatefulRedisConnection<byte[], byte[]> rawConnection;
    Cache<String, Product> vela;
    RedisCommands<byte[], byte[]> raw;
    final String[] keys = allKeys();
    final byte[][] rawKeys = new byte[KEYS][];

    /** Starts the server, opens the cache and the connection, and fills both. */
    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
      server = BenchRedisServer.start();
      vela = new CacheBuilder<String, Product, Cache<String, Product>>(
              VelaNodes.TYPES, "products", Backend.REDIS, Topology.LOCAL, c -> c)
          .option("url", server.url())
          .sweepInterval(Durations.INFINITE)
          .create();
      rawClient = RedisClient.create(server.url());
      rawConnection = rawClient.connect(ByteArrayCodec.INSTANCE);
      raw = rawConnection.sync();
      for (int i = 0; i < KEYS; i++) {
        rawKeys[i] = ("raw:" + keys[i]).getBytes(StandardCharsets.UTF_8);
        vela.put(keys[i], Product.numbered(i));
        raw.set(rawKeys[i], storedBytes(Product.numbered(i)));
      }
    }

    /** The bytes Vela stores for a value: 8 bytes of expiry, then the framed product. */
    static byte[] storedBytes(Product product) {
      byte[] framed = Codecs.toBytes(new ProductCodec(), product);
      return ByteBuffer.allocate(Long.BYTES + framed.length).putLong(Long.MAX_VALUE).put(framed).array();
    }

    /** Closes the cache and the connection, and stops the server. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      vela.close();
      rawConnection.close();
      rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      server.close();
    }
  }
}
