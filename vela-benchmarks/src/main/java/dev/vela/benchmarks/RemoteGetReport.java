package dev.vela.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The measurements of one {@link RemoteGetMain} run and their tables. */
final class RemoteGetReport {
  /**
   * One measurement.
   *
   * @param what {@code get}, {@code getAll100} or {@code get100}
   * @param threads how many threads called
   * @param opsPerSecond calls per second
   * @param p50Micros median latency
   * @param p99Micros 99th percentile latency
   * @param calls how many calls started in the measurement
   * @param clientCpuNanos the CPU time the client JVM used in the measurement
   * @param serverCpuNanos the CPU time the server JVM used in the measurement
   */
  record Row(String what, int threads, double opsPerSecond, double p50Micros, double p99Micros, long calls,
      long clientCpuNanos, long serverCpuNanos) {
    /** CPU time of both JVMs per call, in microseconds: what limits throughput when the cores are busy. */
    double cpuMicrosPerCall() {
      return calls == 0 ? 0 : (clientCpuNanos + serverCpuNanos) / 1e3 / calls;
    }
  }

  private final RemoteGetMain.Settings settings;
  private final Map<RemoteProduct, List<Row>> rows = new EnumMap<>(RemoteProduct.class);

  RemoteGetReport(RemoteGetMain.Settings settings) {
    this.settings = settings;
  }

  /** Adds a product's RESULT fields: what, threads, ops/s, p50 µs, p99 µs. */
  void add(RemoteProduct product, List<String[]> results) {
    List<Row> list = new ArrayList<>();
    for (String[] r : results) {
      list.add(new Row(r[0], Integer.parseInt(r[1]), Double.parseDouble(r[2]), Double.parseDouble(r[3]),
          Double.parseDouble(r[4]), Long.parseLong(r[5]), Long.parseLong(r[6]), Long.parseLong(r[7])));
    }
    rows.put(product, list);
  }

  /** The measurement {@code what} at {@code threads} of {@code product}, if it was made. */
  Optional<Row> row(RemoteProduct product, String what, int threads) {
    return rows.getOrDefault(product, List.of()).stream()
        .filter(r -> r.what().equals(what) && r.threads() == threads).findFirst();
  }

  /** The report: the get table, the ratios, and the bulk table. */
  String markdown(String arguments) {
    StringBuilder md = new StringBuilder();
    md.append("# Remote reads, client and server in separate JVMs\n\n");
    md.append("Measured ").append(Instant.now()).append(" by `RemoteGetMain` (").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ").append(System.getProperty("java.version")).append("), warmup ")
        .append(settings.warmup().toMillis()).append(" ms, measurement ").append(settings.measure().toMillis())
        .append(" ms per row. A server JVM and a client JVM per product on 127.0.0.1; the client fills ")
        .append(RemoteProduct.KEYS).append(" entries and reads the keys the server owns. Throughput in calls per second,")
        .append(" latency in microseconds (p50 / p99), and the CPU time both JVMs used per call (client + server, in")
        .append(" microseconds), which depends far less on what else the machine runs.\n\n");
    md.append("| T | ");
    for (RemoteProduct p : rows.keySet()) {
      md.append(p.title()).append(" ops/s | ").append(p.title()).append(" p50 / p99 | CPU µs/call | ");
    }
    md.append("\n|---:|");
    rows.keySet().forEach(p -> md.append("---:|---:|---:|"));
    md.append('\n');
    for (int t : settings.threads()) {
      md.append("| ").append(t).append(" | ");
      for (RemoteProduct p : rows.keySet()) {
        Optional<Row> r = row(p, "get", t);
        md.append(r.map(x -> number(x.opsPerSecond())).orElse("-")).append(" | ")
            .append(r.map(x -> micros(x.p50Micros()) + " / " + micros(x.p99Micros())).orElse("-")).append(" | ")
            .append(r.map(x -> String.format(Locale.ROOT, "%.1f", x.cpuMicrosPerCall())).orElse("-")).append(" | ");
      }
      md.append('\n');
    }
    md.append("\nVela beside the others, from the same run (throughput ratio; median latency ratio):\n\n");
    md.append("| T | Vela / Hazelcast ops | Vela / Infinispan ops | Vela p50 / Hazelcast p50 | Vela p50 / TCP p50"
        + " | Hazelcast CPU / Vela CPU per call | Infinispan CPU / Vela CPU per call |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int t : settings.threads()) {
      md.append("| ").append(t).append(" | ")
          .append(ratio(RemoteProduct.HAZELCAST, t, Measure.THROUGHPUT)).append(" | ")
          .append(ratio(RemoteProduct.INFINISPAN, t, Measure.THROUGHPUT)).append(" | ")
          .append(ratio(RemoteProduct.HAZELCAST, t, Measure.MEDIAN)).append(" | ")
          .append(ratio(RemoteProduct.TCP, t, Measure.MEDIAN)).append(" | ")
          .append(ratio(RemoteProduct.HAZELCAST, t, Measure.CPU)).append(" | ")
          .append(ratio(RemoteProduct.INFINISPAN, t, Measure.CPU)).append(" |\n");
    }
    md.append("\nOne thread reading ").append(RemoteGetClient.BULK).append(" remote keys: one bulk call against ")
        .append(RemoteGetClient.BULK).append(" calls in a row.\n\n");
    md.append("| product | getAll(100) ops/s | CPU µs/getAll | 100 gets ops/s | CPU µs/100 gets | ratio |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (RemoteProduct p : rows.keySet()) {
      Optional<Row> bulk = row(p, "getAll" + RemoteGetClient.BULK, 1);
      Optional<Row> sequential = row(p, "get" + RemoteGetClient.BULK, 1);
      if (bulk.isPresent() && sequential.isPresent()) {
        md.append("| ").append(p.title()).append(" | ").append(number(bulk.get().opsPerSecond())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f", bulk.get().cpuMicrosPerCall())).append(" | ")
            .append(number(sequential.get().opsPerSecond())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f", sequential.get().cpuMicrosPerCall())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1fx", bulk.get().opsPerSecond() / sequential.get().opsPerSecond()))
            .append(" |\n");
      }
    }
    md.append("\nArguments: `").append(arguments.isBlank() ? "(defaults)" : arguments).append("`\n");
    return md.toString();
  }

  /** What a ratio compares. */
  private enum Measure { THROUGHPUT, MEDIAN, CPU }

  /** Vela's throughput or median over the other's; for CPU the other's CPU per call over Vela's (higher is better for Vela). */
  private String ratio(RemoteProduct other, int threads, Measure measure) {
    Optional<Row> vela = row(RemoteProduct.VELA, "get", threads);
    Optional<Row> them = row(other, "get", threads);
    if (vela.isEmpty() || them.isEmpty()) {
      return "-";
    }
    double r = switch (measure) {
      case THROUGHPUT -> vela.get().opsPerSecond() / them.get().opsPerSecond();
      case MEDIAN -> vela.get().p50Micros() / them.get().p50Micros();
      case CPU -> them.get().cpuMicrosPerCall() / vela.get().cpuMicrosPerCall();
    };
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String micros(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
