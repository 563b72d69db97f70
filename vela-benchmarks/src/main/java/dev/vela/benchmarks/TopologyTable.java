package dev.vela.benchmarks;

import dev.vela.benchmarks.BenchmarkReport.Row;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's section for {@link TopologyBench}: one line per {@link TopologyComparison}, with
 * Vela's throughput and latency percentiles beside the peer's and their ratios.
 */
final class TopologyTable {
  private TopologyTable() {}

  /** Whether the row is one of {@link TopologyBench}'s. */
  static boolean covers(Row row) {
    return row.benchmark().equals(TopologyBench.class.getSimpleName());
  }

  /** The section, from the rows of {@link TopologyBench} (one thread). */
  static String markdown(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("## TopologyBench — Vela beside Hazelcast 5.7 and Lettuce, 1 thread\n\n");
    md.append("Two Vela nodes or two embedded Hazelcast members in one JVM over loopback (three for the 3-node"
        + " lines), a redis-server on loopback. Throughput in operations per second (higher is better), from"
        + " Throughput mode; p50 and p99 latency in microseconds (lower is better), from SampleTime. ×: Vela's"
        + " figure over the peer's. Hazelcast maps keep no backups; Hazelcast's ReplicatedMap updates the other"
        + " members in the background, while Vela's REPLICATED put waits for every node.\n\n");
    md.append("| operation | Vela | peer | Vela ops/s | peer ops/s | × | Vela p50 µs | peer p50 µs | × "
        + "| Vela p99 µs | peer p99 µs | × |\n");
    md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TopologyComparison comparison : TopologyBench.COMPARISONS) {
      Optional<Row> velaThroughput = find(rows, comparison.vela(), "thrpt");
      Optional<Row> peerThroughput = find(rows, comparison.peer(), "thrpt");
      Optional<Row> velaSample = find(rows, comparison.vela(), "sample");
      Optional<Row> peerSample = find(rows, comparison.peer(), "sample");
      if (velaThroughput.isEmpty() && velaSample.isEmpty()) {
        continue; // not in this run
      }
      Optional<Double> velaOps = velaThroughput.map(TopologyTable::opsPerSecond);
      Optional<Double> peerOps = peerThroughput.map(TopologyTable::opsPerSecond);
      Optional<Double> velaP50 = velaSample.map(row -> micros(row, row.p50()));
      Optional<Double> peerP50 = peerSample.map(row -> micros(row, row.p50()));
      Optional<Double> velaP99 = velaSample.map(row -> micros(row, row.p99()));
      Optional<Double> peerP99 = peerSample.map(row -> micros(row, row.p99()));
      md.append(String.join(" | ", "| " + comparison.operation(), "`" + comparison.vela() + "`",
          comparison.peer().isEmpty() ? "" : "`" + comparison.peer() + "`",
          figure(velaOps), figure(peerOps), ratio(velaOps, peerOps),
          figure(velaP50), figure(peerP50), ratio(velaP50, peerP50),
          figure(velaP99), figure(peerP99), ratio(velaP99, peerP99))).append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static Optional<Row> find(List<Row> rows, String method, String mode) {
    return rows.stream().filter(row -> row.subject().equals(method) && row.mode().equals(mode)).findFirst();
  }

  /** A throughput score in operations per second, whatever time unit JMH reported it in. */
  static double opsPerSecond(Row row) {
    return row.score() * switch (row.unit()) {
      case "ops/ns" -> 1e9;
      case "ops/us" -> 1e6;
      case "ops/ms" -> 1e3;
      case "ops/s" -> 1;
      default -> throw new IllegalArgumentException("not a throughput unit: " + row.unit());
    };
  }

  /** A time per operation in microseconds, whatever time unit JMH reported it in. */
  static double micros(Row row, double value) {
    return value * switch (row.unit()) {
      case "ns/op" -> 1e-3;
      case "us/op" -> 1;
      case "ms/op" -> 1e3;
      case "s/op" -> 1e6;
      default -> throw new IllegalArgumentException("not a time per operation: " + row.unit());
    };
  }

  /** Three significant digits, grouped in thousands: 41,900,000 or 12.3 or 0.456. */
  private static String figure(Optional<Double> value) {
    return value.map(v -> {
      double rounded = new BigDecimal(v).round(new MathContext(3)).doubleValue();
      return rounded >= 100 ? String.format(Locale.ROOT, "%,.0f", rounded)
          : String.format(Locale.ROOT, "%.3g", rounded);
    }).orElse("");
  }

  private static String ratio(Optional<Double> vela, Optional<Double> peer) {
    return vela.isPresent() && peer.isPresent()
        ? String.format(Locale.ROOT, "%.2fx", vela.get() / peer.get())
        : "";
  }
}
