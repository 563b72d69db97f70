package dev.vela.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the side-by-side benchmarks in a bounded time and writes what they measured: a Markdown
 * table ({@code results.md}) with each score's ratio to the peer named in the row, and a bar chart
 * ({@code results.svg}) drawn from the same numbers, with the machine and JDK stated.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.vela.benchmarks.BenchmarkReport <out-dir> [regex ...]}
 */
public final class BenchmarkReport {
  /** Benchmarks that run from one thread only: each of their clusters serves one caller. */
  private static final Set<String> ONE_THREAD_ONLY = Set.of("TopologyBench");

  private BenchmarkReport() {}

  /**
   * One measured score, as the report shows it.
   *
   * @param benchmark the class, and for benchmarks with parameters the method ({@code GetBench.read})
   * @param subject the parameters' values, or for benchmarks without parameters the method
   * @param threads how many threads called it
   * @param mode JMH's short name of the mode ({@code thrpt}, {@code sample}, ...)
   * @param score the primary score (for SampleTime, the mean)
   * @param error its 99.9% confidence half-width
   * @param unit the score's unit
   * @param p50 the median, for SampleTime; NaN otherwise
   * @param p99 the 99th percentile, for SampleTime; NaN otherwise
   */
  record Row(String benchmark, String subject, int threads, String mode, double score, double error, String unit,
      double p50, double p99) {

    /** The class the benchmark belongs to. */
    String benchmarkClass() {
      int dot = benchmark.indexOf('.');
      return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }
  }

  /** Runs the benchmarks matching the given patterns (GetBench by default) and writes the report. */
  public static void main(String[] args) throws RunnerException, IOException {
    if (args.length < 1) {
      System.err.println("usage: BenchmarkReport <out-dir> [benchmark regex ...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    List<String> patterns = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("GetBench");
    List<Row> rows = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      List<String> included = patterns.stream()
          .filter(pattern -> threads == 1 || ONE_THREAD_ONLY.stream().noneMatch(pattern::contains))
          .toList();
      if (included.isEmpty()) {
        continue;
      }
      ChainedOptionsBuilder options = new OptionsBuilder()
          .forks(1)
          .warmupIterations(2)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(3)
          .measurementTime(TimeValue.seconds(1))
          .threads(threads)
          .shouldFailOnError(true);
      included.forEach(options::include);
      rows.addAll(toRows(new Runner(options.build()).run(), threads));
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), markdown(rows), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("results.svg"), BarChart.svg(rows, machine()), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("results.md") + " and " + out.resolve("results.svg"));
  }

  private static List<Row> toRows(Collection<RunResult> results, int threads) {
    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      Collection<String> paramKeys = result.getParams().getParamsKeys();
      String method = label.substring(label.lastIndexOf('.') + 1);
      String owner = label.substring(0, label.lastIndexOf('.'));
      String benchmarkClass = owner.substring(owner.lastIndexOf('.') + 1);
      String benchmark = paramKeys.isEmpty() ? benchmarkClass : benchmarkClass + "." + method;
      String subject = paramKeys.isEmpty() ? method
          : String.join(",", paramKeys.stream().map(key -> result.getParams().getParam(key)).toList());
      var primary = result.getPrimaryResult();
      boolean sampled = result.getParams().getMode() == Mode.SampleTime;
      double p50 = sampled ? primary.getStatistics().getPercentile(50) : Double.NaN;
      double p99 = sampled ? primary.getStatistics().getPercentile(99) : Double.NaN;
      rows.add(new Row(benchmark, subject, threads, result.getParams().getMode().shortLabel(), primary.getScore(),
          primary.getScoreError(), primary.getScoreUnit(), p50, p99));
    }
    return rows;
  }

  static String markdown(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n").append(machine()).append("\n\n");
    md.append("Short runs (1 fork, 2×1 s warm-up, 3×1 s measurement) on a machine this size give wide error bars:"
        + " read the ratios, not the last digit.");
    if (rows.stream().anyMatch(row -> row.benchmark().equals("GetBench.mixed"))) {
      md.append(" `mixed` always runs as one group of 3 reader threads and 1 writer, whatever the thread count of"
          + " its section.");
    }
    md.append("\n\n");
    List<Row> topology = rows.stream().filter(TopologyTable::covers).toList();
    Map<String, List<Row>> byGroup = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!TopologyTable.covers(row)) {
        byGroup.computeIfAbsent(row.benchmark() + " — " + row.threads() + " thread(s)", k -> new ArrayList<>())
            .add(row);
      }
    }
    for (var group : byGroup.entrySet()) {
      md.append("## ").append(group.getKey()).append("\n\n");
      md.append("| subject | score | error | unit | vs caffeine | vs chm |\n|---|---:|---:|---|---:|---:|\n");
      for (Row row : group.getValue()) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f | ±%.3f | %s | %s | %s |%n", row.subject(), row.score(),
            row.error(), row.unit(), ratio(row, group.getValue(), "caffeine"), ratio(row, group.getValue(), "chm")));
      }
      md.append('\n');
    }
    if (!topology.isEmpty()) {
      md.append(TopologyTable.markdown(topology));
    }
    return md.toString();
  }

  /** The row's score over its peer's: a bounded Vela cache is compared with bounded Caffeine. */
  private static String ratio(Row row, List<Row> group, String peer) {
    boolean bounded = Set.of("vela_lru", "vela_lfu", "vela_adaptive").contains(row.subject());
    String peerSubject = bounded && peer.equals("caffeine") ? "caffeine_bounded" : peer;
    return group.stream()
        .filter(other -> other.subject().equals(peerSubject))
        .findFirst()
        .map(other -> String.format(Locale.ROOT, "%.2fx", row.score() / other.score()))
        .orElse("");
  }

  static String machine() {
    return String.format(Locale.ROOT, "Measured %s on %d cores, %s %s (%s), %s.", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"));
  }
}
