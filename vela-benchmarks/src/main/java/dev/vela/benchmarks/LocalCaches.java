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
import java.util.concurrent.ConcurrentHashMap;

/** The in-process caches a Java team would choose between, behind one small face for the benchmarks. */
final class LocalCaches {
  private LocalCaches() {}

  /** What a benchmark does to a cache: read a key, write a key, release it. */
  interface Subject extends AutoCloseable {
    Object get(Integer key);

    void put(Integer key, Integer value);

    @Override
    default void close() {}
  }

  /** Opens the subject named {@code name}; {@code maxSize} bounds the bounded ones. */
  static Subject open(String name, long maxSize) {
    return switch (name) {
      case "vela" -> vela(Vela.builder("bench-unbounded"));
      case "vela_or_default" -> velaOrDefault(Vela.builder("bench-unbounded").create());
      // not among GetBench's default subjects: run it with -p cache=vela_stats_off to see what the
      // read's counting costs
      case "vela_stats_off" -> velaOrDefault(Vela.builder("bench-stats-off").statsEnabled(false).create());
      case "vela_lru" -> vela(Vela.builder("bench-lru").maxSize(maxSize).evictionPolicy(EvictionPolicy.LRU));
      case "vela_lfu" -> vela(Vela.builder("bench-lfu").maxSize(maxSize).evictionPolicy(EvictionPolicy.LFU));
      case "vela_adaptive" -> vela(Vela.builder("bench-adaptive").maxSize(maxSize)); // the default policy
      // weight 1 per entry, so the limit and the evictions are those of vela_adaptive: what a
      // weighted node costs beside an unweighted one
      case "vela_weighted" -> vela(Vela.builder("bench-weighted").maxWeight(maxSize).weigher((key, value) -> 1));
      case "chm" -> chm();
      case "caffeine" -> caffeine(Caffeine.newBuilder().recordStats().build());
      case "caffeine_bounded" -> caffeine(Caffeine.newBuilder().maximumSize(maxSize).recordStats().build());
      case "caffeine_weighted" -> caffeine(Caffeine.newBuilder().maximumWeight(maxSize)
          .<Integer, Integer>weigher((key, value) -> 1).recordStats().build());
      default -> throw new IllegalArgumentException("no subject " + name);
    };
  }

  private static Subject vela(CacheBuilder<Integer, Integer, Cache<Integer, Integer>> builder) {
    return new VelaSubject(builder.create()) {
      @Override
      public Object get(Integer key) {
        return cache.get(key).orElse(null);
      }
    };
  }

  /** Reads with {@code getOrDefault(key, null)}, which returns no {@code Optional}. */
  private static Subject velaOrDefault(Cache<Integer, Integer> cache) {
    return new VelaSubject(cache) {
      @Override
      public Object get(Integer key) {
        return cache.getOrDefault(key, null);
      }
    };
  }

  /** A Vela cache as a subject; each kind reads in its own way. */
  private abstract static class VelaSubject implements Subject {
    final Cache<Integer, Integer> cache;

    VelaSubject(Cache<Integer, Integer> cache) {
      this.cache = cache;
    }

    @Override
    public void put(Integer key, Integer value) {
      cache.put(key, value);
    }

    @Override
    public void close() {
      cache.close();
    }
  }

  private static Subject chm() {
    ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
    return new Subject() {
      @Override
      public Object get(Integer key) {
        return map.get(key);
      }

      @Override
      public void put(Integer key, Integer value) {
        map.put(key, value);
      }
    };
  }

  private static Subject caffeine(com.github.benmanes.caffeine.cache.Cache<Integer, Integer> cache) {
    return new Subject() {
      @Override
      public Object get(Integer key) {
        return cache.getIfPresent(key);
      }

      @Override
      public void put(Integer key, Integer value) {
        cache.put(key, value);
      }
    };
  }

  /** Builders of Vela caches of Integer to Integer, as generated code would make them. */
  static final class Vela {
    private Vela() {}

    static CacheBuilder<Integer, Integer, Cache<Integer, Integer>> builder(String name) {
      CacheTypes<Integer, Integer> types = new CacheTypes<>(
          TypeCodec.of("java.lang.Integer", Codecs.INT), TypeCodec.of("java.lang.Integer", Codecs.INT));
      return new CacheBuilder<Integer, Integer, Cache<Integer, Integer>>(
          types, name, Backend.MEMORY, Topology.LOCAL, cache -> cache);
    }
  }
}
