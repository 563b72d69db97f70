package dev.vela.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of {@link EvictionBench}: a table of hit ratios, one row per trace and size with
 * ADAPTIVE's ratio to Caffeine, the summary the targets are judged by, and a bar chart of the same
 * numbers (one section per trace, drawn by {@link BarChart}).
 */
final class EvictionReport {
  /** ADAPTIVE must reach this share of Caffeine's hit ratio on every trace and size. */
  static final double TARGET_EACH = 0.97;

  private EvictionReport() {}

  static String markdown(List<EvictionBench.Result> results) {
    StringBuilder md = new StringBuilder("# Hit ratios on recorded traces (EvictionBench)\n\n");
    md.append(BenchmarkReport.machine()).append("\n\n");
    md.append("Every trace of `../shared/traces` (see its README for origin and format) replayed at the sizes of"
        + " that README's reference table, one thread: a read, and on a miss a write. Hit ratio in percent over"
        + " the whole trace. Caffeine is 3.3.1 with `maximumSize` and `executor(Runnable::run)`; its random"
        + " admission tie-break moves its figures by about 0.1-0.3 points between runs. The exact LRU is a"
        + " `LinkedHashMap` in access order. Vela's caches are full caches (`CacheBuilder`, MEMORY, LOCAL)"
        + " with `executor(Runnable::run)` too, so every read is replayed, as when its maintenance keeps up.\n\n");
    md.append("| trace | size | Caffeine 3.3.1 | exact LRU | Vela LRU | Vela LFU | Vela ADAPTIVE | ADAPTIVE / Caffeine |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    double logSum = 0;
    int rows = 0;
    int met = 0;
    double worst = Double.MAX_VALUE;
    String worstRow = "";
    for (Map.Entry<String, Map<String, EvictionBench.Result>> row : byRow(results).entrySet()) {
      Map<String, EvictionBench.Result> cells = row.getValue();
      EvictionBench.Result caffeine = cells.get("caffeine");
      EvictionBench.Result adaptive = cells.get("vela_adaptive");
      md.append("| ").append(row.getKey().replace(" @", " | "));
      for (String cache : EvictionBench.CACHES) {
        EvictionBench.Result cell = cells.get(cache);
        md.append(cell == null ? " | " : String.format(Locale.ROOT, " | %.2f", 100 * cell.hitRatio()));
      }
      if (caffeine != null && adaptive != null && caffeine.hits() > 0) {
        double ratio = adaptive.hitRatio() / caffeine.hitRatio();
        md.append(String.format(Locale.ROOT, " | %.3fx |%n", ratio));
        logSum += Math.log(ratio);
        rows++;
        met += ratio >= TARGET_EACH ? 1 : 0;
        if (ratio < worst) {
          worst = ratio;
          worstRow = row.getKey();
        }
      } else {
        md.append(" | |\n");
      }
    }
    if (rows > 0) {
      md.append(String.format(Locale.ROOT, "%nADAPTIVE / Caffeine: geometric mean %.3fx over %d traces and sizes;"
              + " at least %.2fx on %d of %d; lowest %.3fx (%s).%n", Math.exp(logSum / rows), rows, TARGET_EACH, met,
          rows, worst, worstRow));
    }
    md.append("\nWhat these caches cost in memory per entry is measured by MemoryBench: see the memory section of"
        + " [results.md](results.md#memory-per-entry-memorybench).\n");
    return md.toString();
  }

  static String svg(List<EvictionBench.Result> results) {
    List<BenchmarkReport.Row> rows = new ArrayList<>();
    for (EvictionBench.Result result : results) {
      rows.add(new BenchmarkReport.Row(result.trace(), result.cache() + " @" + result.size(), 1, "hits",
          100 * result.hitRatio(), 0, "% hits", Double.NaN, Double.NaN));
    }
    return BarChart.svg(rows, "Hit ratio per trace and size (EvictionBench; longer is better). "
        + BenchmarkReport.machine());
  }

  /** Results by "trace @size", in the order replayed, each by cache. */
  private static Map<String, Map<String, EvictionBench.Result>> byRow(List<EvictionBench.Result> results) {
    Map<String, Map<String, EvictionBench.Result>> rows = new LinkedHashMap<>();
    for (EvictionBench.Result result : results) {
      rows.computeIfAbsent(result.trace() + " @" + result.size(), k -> new LinkedHashMap<>())
          .put(result.cache(), result);
    }
    return rows;
  }
}
