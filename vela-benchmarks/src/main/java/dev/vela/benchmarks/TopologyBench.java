package dev.vela.benchmarks;

import static dev.vela.benchmarks.TopologyStates.KEYS;

import dev.vela.benchmarks.TopologyStates.Cursor;
import dev.vela.benchmarks.TopologyStates.HazelcastNear;
import dev.vela.benchmarks.TopologyStates.HazelcastPartitioned;
import dev.vela.benchmarks.TopologyStates.HazelcastReplicated;
import dev.vela.benchmarks.TopologyStates.HazelcastReplicatedThree;
import dev.vela.benchmarks.TopologyStates.Redis;
import dev.vela.benchmarks.TopologyStates.VelaLocal;
import dev.vela.benchmarks.TopologyStates.VelaNear;
import dev.vela.benchmarks.TopologyStates.VelaPartitioned;
import dev.vela.benchmarks.TopologyStates.VelaReplicated;
import dev.vela.benchmarks.TopologyStates.VelaReplicatedThree;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every topology in one run, each beside its peer: Vela's LOCAL, REPLICATED and PARTITIONED caches
 * and its near cache on nodes over loopback against Hazelcast 5.7 embedded members (IMap,
 * ReplicatedMap, IMap with a near cache), and the REDIS backend against raw Lettuce GET and SET.
 *
 * <p>Every cluster lives in the benchmark's JVM: two Vela nodes, each with its own {@code
 * VelaCluster} on a free port of 127.0.0.1, or two Hazelcast members (three for the replicated
 * write latency). Each benchmark method runs in a fork of its own, which starts only the cluster
 * the method uses and stops it at tear-down. Both sides store the same {@link TopologyStates#KEYS} String keys
 * and {@link Product} values (Vela with {@link ProductCodec}, Hazelcast in Compact format), and
 * read them in turn from one thread. "Remote" keys are owned by the other node, "own" keys by the
 * calling one. Hazelcast maps keep no backups, as the PARTITIONED caches here; Hazelcast's
 * ReplicatedMap copies a put to the other members in the background, while Vela's REPLICATED put
 * returns only once every node has applied it. Hazelcast writes use {@code IMap.set}, which, like
 * Vela's {@code put}, returns no old value.
 *
 * <p>Reads served in memory are measured in Throughput. Calls that cross the network are measured
 * in SampleTime, for latency percentiles (from one thread, their throughput is the inverse of the
 * mean); the remote get, which issue #6 measures both ways, in Throughput too. {@link
 * #COMPARISONS} pairs the methods for the report.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar TopologyBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 *
 * <p>Both nodes here share one JVM and one calling thread. Remote reads with the client and the
 * server in separate JVMs, from 1, 8 and 32 threads, beside Hazelcast, Infinispan and a plain TCP
 * ping-pong, are measured by {@link RemoteGetMain}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// the access Hazelcast asks for on Java 9 and later, so that it runs at full speed and quietly
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", "-Djava.net.preferIPv4Stack=true"})
public class TopologyBench {
  /** Which method is measured against which, in the order the report lists them. */
  static final List<TopologyComparison> COMPARISONS = List.of(
      new TopologyComparison("get, LOCAL memory", "velaLocalGet", ""),
      new TopologyComparison("put, LOCAL memory", "velaLocalPut", ""),
      new TopologyComparison("get, REPLICATED against LOCAL (target >= 0.9x)", "velaReplicatedGet", "velaLocalGet"),
      new TopologyComparison("get, REPLICATED / ReplicatedMap", "velaReplicatedGet", "hazelcastReplicatedGet"),
      new TopologyComparison("put, REPLICATED / ReplicatedMap, 2 nodes", "velaReplicatedPut", "hazelcastReplicatedPut"),
      new TopologyComparison("put, REPLICATED / ReplicatedMap, 3 nodes", "velaReplicatedPutThreeNodes",
          "hazelcastReplicatedPutThreeMembers"),
      new TopologyComparison("get, PARTITIONED / IMap, remote key", "velaRemoteGet", "hazelcastRemoteGet"),
      new TopologyComparison("put, PARTITIONED / IMap, remote key", "velaRemotePut", "hazelcastRemoteSet"),
      new TopologyComparison("get, PARTITIONED / IMap, own key", "velaOwnGet", "hazelcastOwnGet"),
      new TopologyComparison("put, PARTITIONED / IMap, own key", "velaOwnPut", "hazelcastOwnSet"),
      new TopologyComparison("get, near cache hit (PARTITIONED / IMap)", "velaNearCacheHit", "hazelcastNearCacheHit"),
      new TopologyComparison("get, REDIS / Lettuce GET", "velaRedisGet", "lettuceGet"),
      new TopologyComparison("put, REDIS / Lettuce SET", "velaRedisPut", "lettuceSet"));

  /** The value every put writes. */
  private static final Product WRITTEN = Product.numbered(KEYS + 1);
  /** The bytes every Lettuce SET writes: as many as Vela stores for {@link #WRITTEN}. */
  private static final byte[] WRITTEN_BYTES = Redis.storedBytes(WRITTEN);

  // ---- LOCAL

  /** Vela LOCAL MEMORY get. */
  @Benchmark
  public Product velaLocalGet(VelaLocal vela, Cursor cursor) {
    return vela.cache.get(cursor.next(vela.keys)).orElseThrow();
  }

  /** Vela LOCAL MEMORY put. */
  @Benchmark
  public void velaLocalPut(VelaLocal vela, Cursor cursor) {
    vela.cache.put(cursor.next(vela.keys), WRITTEN);
  }

  // ---- REPLICATED

  /** Vela REPLICATED get: a read of this node's copy. */
  @Benchmark
  public Product velaReplicatedGet(VelaReplicated vela, Cursor cursor) {
    return vela.caller.get(cursor.next(vela.keys)).orElseThrow();
  }

  /** Hazelcast ReplicatedMap get: a read of this member's copy. */
  @Benchmark
  public Product hazelcastReplicatedGet(HazelcastReplicated hazelcast, Cursor cursor) {
    return hazelcast.caller.get(cursor.next(hazelcast.keys));
  }

  /** Vela REPLICATED put on 2 nodes: returns once the other node has applied it. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public void velaReplicatedPut(VelaReplicated vela, Cursor cursor) {
    vela.caller.put(cursor.next(vela.keys), WRITTEN);
  }

  /** Hazelcast ReplicatedMap put on 2 members: the other member is updated in the background. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Product hazelcastReplicatedPut(HazelcastReplicated hazelcast, Cursor cursor) {
    return hazelcast.caller.put(cursor.next(hazelcast.keys), WRITTEN);
  }

  /** Vela REPLICATED put on 3 nodes: returns once both others have applied it. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public void velaReplicatedPutThreeNodes(VelaReplicatedThree vela, Cursor cursor) {
    vela.caller.put(cursor.next(vela.keys), WRITTEN);
  }

  /** Hazelcast ReplicatedMap put on 3 members. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Product hazelcastReplicatedPutThreeMembers(HazelcastReplicatedThree hazelcast, Cursor cursor) {
    return hazelcast.caller.put(cursor.next(hazelcast.keys), WRITTEN);
  }

  // ---- PARTITIONED

  /** Vela PARTITIONED get of a key the other node owns: one call to it. */
  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public Product velaRemoteGet(VelaPartitioned vela, Cursor cursor) {
    return vela.caller.get(cursor.next(vela.remoteKeys)).orElseThrow();
  }

  /** Hazelcast IMap get of a key whose partition the other member owns. */
  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public Product hazelcastRemoteGet(HazelcastPartitioned hazelcast, Cursor cursor) {
    return hazelcast.caller.get(cursor.next(hazelcast.remoteKeys));
  }

  /** Vela PARTITIONED put of a key the other node owns. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public void velaRemotePut(VelaPartitioned vela, Cursor cursor) {
    vela.caller.put(cursor.next(vela.remoteKeys), WRITTEN);
  }

  /** Hazelcast IMap set of a key whose partition the other member owns. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public void hazelcastRemoteSet(HazelcastPartitioned hazelcast, Cursor cursor) {
    hazelcast.caller.set(cursor.next(hazelcast.remoteKeys), WRITTEN);
  }

  /** Vela PARTITIONED get of a key this node owns. */
  @Benchmark
  public Product velaOwnGet(VelaPartitioned vela, Cursor cursor) {
    return vela.caller.get(cursor.next(vela.ownKeys)).orElseThrow();
  }

  /** Hazelcast IMap get of a key whose partition this member owns. */
  @Benchmark
  public Product hazelcastOwnGet(HazelcastPartitioned hazelcast, Cursor cursor) {
    return hazelcast.caller.get(cursor.next(hazelcast.ownKeys));
  }

  /** Vela PARTITIONED put of a key this node owns. */
  @Benchmark
  public void velaOwnPut(VelaPartitioned vela, Cursor cursor) {
    vela.caller.put(cursor.next(vela.ownKeys), WRITTEN);
  }

  /** Hazelcast IMap set of a key whose partition this member owns. */
  @Benchmark
  public void hazelcastOwnSet(HazelcastPartitioned hazelcast, Cursor cursor) {
    hazelcast.caller.set(cursor.next(hazelcast.ownKeys), WRITTEN);
  }

  // ---- near cache

  /** Vela PARTITIONED get answered by the near cache's L1. */
  @Benchmark
  public Product velaNearCacheHit(VelaNear vela, Cursor cursor) {
    return vela.caller.get(cursor.next(vela.keys)).orElseThrow();
  }

  /** Hazelcast IMap get answered by its near cache. */
  @Benchmark
  public Product hazelcastNearCacheHit(HazelcastNear hazelcast, Cursor cursor) {
    return hazelcast.caller.get(cursor.next(hazelcast.keys));
  }

  // ---- REDIS

  /** Vela REDIS get: one GET, then the expiry check and decoding. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Product velaRedisGet(Redis redis, Cursor cursor) {
    return redis.vela.get(cursor.next(redis.keys)).orElseThrow();
  }

  /** Lettuce GET of as many bytes as Vela stores, not decoded. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public byte[] lettuceGet(Redis redis, Cursor cursor) {
    return redis.raw.get(cursor.next(redis.rawKeys));
  }

  /** Vela REDIS put: the script that stores the entry and keeps its expiry index. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public void velaRedisPut(Redis redis, Cursor cursor) {
    redis.vela.put(cursor.next(redis.keys), WRITTEN);
  }

  /** Lettuce SET of as many bytes as Vela stores. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public String lettuceSet(Redis redis, Cursor cursor) {
    return redis.raw.set(cursor.next(redis.rawKeys), WRITTEN_BYTES);
  }
}
