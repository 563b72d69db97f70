package dev.vela.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hit ratios of Vela's LRU and LFU beside Caffeine's W-TinyLFU, replaying the same traces through
 * each bounded cache: read, and on a miss put. A simulation rather than a timing, so it is exact
 * and repeatable; Caffeine runs its maintenance on the calling thread so that it is too.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.vela.benchmarks.EvictionBench [out.md]}
 */
public final class EvictionBench {
  private static final int KEY_SPACE = 100_000;
  private static final int REQUESTS = 1_000_000;

  private EvictionBench() {}

  /** One trace replayed through one cache of one size. */
  record Result(String trace, long maxSize, String cache, double hitRatio) {}

  /** Runs every trace against every cache and size, prints the table, and writes it when asked. */
  public static void main(String[] args) throws IOException {
    List<Result> results = new ArrayList<>();
    for (var trace : List.of(
        new Trace("zipf-0.90", ZipfKeys.trace(KEY_SPACE, 0.90, REQUESTS, 7)),
        new Trace("zipf-0.99", ZipfKeys.trace(KEY_SPACE, 0.99, REQUESTS, 7)),
        new Trace("zipf-0.99+scans", withScans(ZipfKeys.trace(KEY_SPACE, 0.99, REQUESTS, 7))))) {
      for (long maxSize : new long[] {1_000, 5_000, 20_000}) {
        for (String cache : List.of("vela_lru", "vela_lfu", "caffeine_bounded")) {
          results.add(new Result(trace.name(), maxSize, cache, replay(cache, maxSize, trace.keys())));
        }
      }
    }
    String table = markdown(results);
    System.out.print(table);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), table, StandardCharsets.UTF_8);
    }
  }

  private record Trace(String name, Integer[] keys) {}

  /** Every 50,000 requests, a scan of 5,000 keys seen once and never again. */
  private static Integer[] withScans(Integer[] base) {
    List<Integer> out = new ArrayList<>(base.length + base.length / 10);
    int next = KEY_SPACE;
    for (int i = 0; i < base.length; i++) {
      if (i % 50_000 == 0) {
        for (int s = 0; s < 5_000; s++) {
          out.add(next++);
        }
      }
      out.add(base[i]);
    }
    return out.toArray(Integer[]::new);
  }

  private static double replay(String cache, long maxSize, Integer[] keys) {
    long hits = 0;
    if (cache.startsWith("caffeine")) {
      var caffeine = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).<Integer, Integer>build();
      for (Integer key : keys) {
        if (caffeine.getIfPresent(key) != null) {
          hits++;
        } else {
          caffeine.put(key, key);
        }
      }
    } else {
      try (LocalCaches.Subject vela = LocalCaches.open(cache, maxSize)) {
        for (Integer key : keys) {
          if (vela.get(key) != null) {
            hits++;
          } else {
            vela.put(key, key);
          }
        }
      }
    }
    return (double) hits / keys.length;
  }

  static String markdown(List<Result> results) {
    StringBuilder md = new StringBuilder("## Hit ratio (EvictionBench)\n\n");
    md.append("| trace | maxSize | vela_lru | vela_lfu | caffeine (W-TinyLFU) | best Vela / Caffeine |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i + 2 < results.size(); i += 3) {
      Result lru = results.get(i);
      Result lfu = results.get(i + 1);
      Result caffeine = results.get(i + 2);
      md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.3fx |%n", lru.trace(), lru.maxSize(),
          lru.hitRatio(), lfu.hitRatio(), caffeine.hitRatio(),
          Math.max(lru.hitRatio(), lfu.hitRatio()) / caffeine.hitRatio()));
    }
    return md.append('\n').toString();
  }
}
