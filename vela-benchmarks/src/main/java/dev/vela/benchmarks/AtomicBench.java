package dev.vela.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The atomic per-key operations of a LOCAL MEMORY cache (stats on, unbounded), one thread, so no
 * key is contended.
 *
 * <p>{@code merge} is a counter, {@code merge(key, 1L, Long::sum)} over {@link #KEYS} keys in turn,
 * beside Caffeine's {@code asMap().merge} (stats on, unbounded) and ConcurrentHashMap's (target:
 * Vela at least 0.8x Caffeine). {@code write} is one write of a present key by {@link #op}: {@code
 * put} (the baseline), {@code putIfAbsent} (which finds the key present and stores nothing), {@code
 * replace}, {@code replaceExpected} (a compare-and-set that applies), {@code getAndPut} and {@code
 * deleteExpected} followed by a put back (so two writes; compare it with half a put).
 *
 * <p>{@code vela-benchmarks/compare-rounds.sh -r 5 'AtomicBench.merge$' cache=vela cache=caffeine cache=chm}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AtomicBench {
  /** How many keys the benchmarks cycle through; a power of two. */
  static final int KEYS = 1024;

  /** Counters merged into, and the next key. */
  @State(Scope.Benchmark)
  public static class Counters {
    /** Which map merges: {@code vela}, {@code caffeine} or {@code chm}. */
    @Param({"vela", "caffeine", "chm"})
    public String cache;

    final String[] keys = keys();
    Cache<String, Long> vela;
    ConcurrentMap<String, Long> map;
    int next;

    @Setup(Level.Trial)
    public void open() {
      switch (cache) {
        case "vela" -> vela = builder("atomic-bench-merge").create();
        case "caffeine" -> map = Caffeine.newBuilder().recordStats().<String, Long>build().asMap();
        case "chm" -> map = new ConcurrentHashMap<>();
        default -> throw new IllegalArgumentException("unknown cache " + cache);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      if (vela != null) {
        vela.close();
      }
    }

    String nextKey() {
      next = (next + 1) & (KEYS - 1);
      return keys[next];
    }
  }

  /** A Vela cache whose keys all hold a value, and the next key. */
  @State(Scope.Benchmark)
  public static class Writes {
    /** The write measured. */
    @Param({"put", "putIfAbsent", "replace", "replaceExpected", "getAndPut", "deleteExpected"})
    public String op;

    final String[] keys = keys();
    Cache<String, Long> vela;
    int next;

    @Setup(Level.Trial)
    public void open() {
      vela = builder("atomic-bench-writes").create();
      for (String key : keys) {
        vela.put(key, 1L);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      vela.close();
    }

    String nextKey() {
      next = (next + 1) & (KEYS - 1);
      return keys[next];
    }
  }

  private static String[] keys() {
    String[] keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "counter:" + i;
    }
    return keys;
  }

  private static CacheBuilder<String, Long, Cache<String, Long>> builder(String name) {
    return new CacheBuilder<String, Long, Cache<String, Long>>(
            new CacheTypes<>(
                TypeCodec.of("java.lang.String", Codecs.STRING), TypeCodec.of("java.lang.Long", Codecs.LONG)),
            name, Backend.MEMORY, Topology.LOCAL, cache -> cache)
        .sweepInterval(Durations.INFINITE);
  }

  /** One counter increment by merge. */
  @Benchmark
  public Long merge(Counters counters) {
    String key = counters.nextKey();
    return counters.vela != null ? counters.vela.merge(key, 1L, Long::sum) : counters.map.merge(key, 1L, Long::sum);
  }

  /** One write of a present key by {@link Writes#op}. */
  @Benchmark
  public Object write(Writes writes) {
    String key = writes.nextKey();
    Cache<String, Long> vela = writes.vela;
    return switch (writes.op) {
      case "put" -> {
        vela.put(key, 1L);
        yield key;
      }
      case "putIfAbsent" -> vela.putIfAbsent(key, 1L);
      case "replace" -> vela.replace(key, 1L);
      case "replaceExpected" -> vela.replace(key, 1L, 1L);
      case "getAndPut" -> vela.getAndPut(key, 1L);
      case "deleteExpected" -> {
        vela.delete(key, 1L);
        vela.put(key, 1L);
        yield key;
      }
      default -> throw new IllegalArgumentException("unknown op " + writes.op);
    };
  }
}
