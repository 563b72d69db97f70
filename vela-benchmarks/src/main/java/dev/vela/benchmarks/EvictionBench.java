package dev.vela.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hit ratios of Vela's LRU, LFU and ADAPTIVE beside Caffeine 3.3.1's W-TinyLFU and an exact LRU,
 * replaying every recorded trace of {@code ../shared/traces} at the sizes its README measures, one
 * thread, as a cache is used: a read, and on a miss a write. A simulation rather than a timing, so
 * it is exact and repeatable; Caffeine and Vela run their maintenance on the calling thread so that
 * it is (Caffeine's admission tie-break is random: its figures move by a tenth of a point between
 * runs). Under a load that outruns its maintenance, a cache samples the reads it moves in its
 * lists: these figures are those of a cache whose maintenance keeps up.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.vela.benchmarks.EvictionBench [out-dir] [trace ...]};
 * with an out-dir it writes {@code eviction.md} and {@code eviction.svg} there.
 */
public final class EvictionBench {
  /** The caches compared, in the report's column order. */
  static final List<String> CACHES = List.of("caffeine", "lru_exact", "vela_lru", "vela_lfu", "vela_adaptive");

  private EvictionBench() {}

  /** One trace replayed through one cache of one size. */
  record Result(String trace, long size, String cache, long requests, long hits) {
    double hitRatio() {
      return (double) hits / requests;
    }
  }

  /** Replays the traces (all, or those named after the out-dir) and prints the table. */
  public static void main(String[] args) throws IOException {
    Path dir = Traces.directory();
    List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    List<Result> results = new ArrayList<>();
    for (Traces.Trace trace : Traces.ALL) {
      if (!only.isEmpty() && !only.contains(trace.name())) {
        continue;
      }
      long[] keys = Traces.keys(dir, trace);
      for (long size : trace.sizes()) {
        for (String cache : CACHES) {
          long hits = replay(cache, size, keys);
          results.add(new Result(trace.name(), size, cache, keys.length, hits));
          System.err.printf("%s @%d %s %.2f%%%n", trace.name(), size, cache, 100.0 * hits / keys.length);
        }
      }
    }
    String table = EvictionReport.markdown(results);
    System.out.print(table);
    if (args.length > 0) {
      Path out = Path.of(args[0]);
      Files.createDirectories(out);
      Files.writeString(out.resolve("eviction.md"), table, StandardCharsets.UTF_8);
      Files.writeString(out.resolve("eviction.svg"), EvictionReport.svg(results), StandardCharsets.UTF_8);
    }
  }

  /** The hits of {@code keys} replayed through a fresh cache named {@code cache} of {@code size} entries. */
  static long replay(String cache, long size, long[] keys) {
    return switch (cache) {
      case "caffeine" -> caffeine(size, keys);
      case "lru_exact" -> exactLru(size, keys);
      case "vela_lru" -> vela(size, EvictionPolicy.LRU, keys);
      case "vela_lfu" -> vela(size, EvictionPolicy.LFU, keys);
      case "vela_adaptive" -> vela(size, EvictionPolicy.ADAPTIVE, keys);
      default -> throw new IllegalArgumentException("no cache " + cache);
    };
  }

  private static long caffeine(long size, long[] keys) {
    com.github.benmanes.caffeine.cache.Cache<Long, Long> cache =
        Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    long hits = 0;
    for (long key : keys) {
      if (cache.getIfPresent(key) != null) {
        hits++;
      } else {
        cache.put(key, key);
      }
    }
    return hits;
  }

  private static long exactLru(long size, long[] keys) {
    Map<Long, Long> cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
        return size() > size;
      }
    };
    long hits = 0;
    for (long key : keys) {
      if (cache.get(key) != null) {
        hits++;
      } else {
        cache.put(key, key);
      }
    }
    return hits;
  }

  private static long vela(long size, EvictionPolicy policy, long[] keys) {
    CacheTypes<Long, Long> types = new CacheTypes<>(
        TypeCodec.of("java.lang.Long", Codecs.LONG), TypeCodec.of("java.lang.Long", Codecs.LONG));
    var builder = new CacheBuilder<Long, Long, Cache<Long, Long>>(
        types, "eviction-" + policy, Backend.MEMORY, Topology.LOCAL, cache -> cache);
    // maintenance on the calling thread, as Caffeine's: every read is replayed, in order
    try (Cache<Long, Long> cache = builder.maxSize(size).evictionPolicy(policy).executor(Runnable::run)
        .statsEnabled(false).create()) {
      long hits = 0;
      for (long key : keys) {
        if (cache.getOrDefault(key, null) != null) {
          hits++;
        } else {
          cache.put(key, key);
        }
      }
      return hits;
    }
  }
}
