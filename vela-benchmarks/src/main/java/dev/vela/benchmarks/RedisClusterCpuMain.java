package dev.vela.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link RedisClusterBench}'s subjects measured by CPU time rather than throughput: for each, the
 * CPU time this JVM (the client: calling threads and Lettuce's I/O threads) and the redis-servers
 * the operation went to (INFO cpu, less what they spend idle) spent per operation, with the elapsed time per operation
 * beside them. CPU time hardly moves when other processes load the machine, where elapsed time
 * and JMH's scores do; and on a machine with fewer cores than shards the cluster's throughput is
 * bounded by the cores, while the servers' CPU time per get and the spread of the gets over the
 * shards (INFO commandstats, printed for each 16-thread round on the cluster) say what the cluster
 * would do with a core per shard. The subjects alternate within each of {@link #ROUNDS} rounds;
 * the figures printed at the end are the medians of the rounds after the first (warm-up). Then
 * each single-key pair (Vela's get and Lettuce's GET, Vela's put and Lettuce's SET) runs again in
 * alternating chunks, for ratios whose two sides met the same load.
 *
 * <p>{@code java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.RedisClusterCpuMain}
 */
public final class RedisClusterCpuMain {
  private static final int ROUNDS = 6;
  /** Operations of one single-thread subject in one round. */
  private static final int SINGLE_OPS = 40_000;
  /** Operations of one 16-thread subject in one round, over all threads. */
  private static final int SIXTEEN_OPS = 96_000;
  private static final int THREADS = 16;
  /** Chunks of each side of an interleaved pair. */
  private static final int CHUNKS = 40;
  /** Operations of one chunk. */
  private static final int CHUNK = 2_000;

  private RedisClusterCpuMain() {}

  /** One subject: its name, the servers its commands go to, and one operation. */
  private record Subject(String name, List<BenchRedisServer> servers, int threads, Runnable operation) {}

  /** What one round measured of one subject, per operation. */
  private record Costs(double clientCpuNs, double serverCpuNs, double elapsedNs) {}

  /** Runs the rounds and prints a line per subject and round, then the medians. */
  public static void main(String[] args) throws Exception {
    RedisClusterBench bench = new RedisClusterBench();
    bench.setUp();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<BenchRedisServer> shards = bench.cluster().primaries();
    List<BenchRedisServer> one = List.of(bench.server());
    List<Subject> subjects = List.of(
        new Subject("get16Cluster", shards, THREADS, bench::get16Cluster),
        new Subject("get16OneServer", one, THREADS, bench::get16OneServer),
        new Subject("velaGet", shards, 1, bench::velaGet),
        new Subject("lettuceGet", shards, 1, bench::lettuceGet),
        new Subject("velaPut", shards, 1, bench::velaPut),
        new Subject("lettuceSet", shards, 1, bench::lettuceSet));
    // what the servers spend when no one calls them (a cluster node's cron and gossip), taken off below
    Map<List<BenchRedisServer>, Double> idle = Map.of(shards, idleCpuPerSecond(shards), one, idleCpuPerSecond(one));
    System.out.printf(Locale.ROOT, "idle servers: cluster %.4f, one server %.4f CPU seconds per second%n",
        idle.get(shards), idle.get(one));
    Map<String, List<Costs>> measured = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        // alternate the order, so that no subject always runs first or last in a round
        List<Subject> order = new ArrayList<>(subjects);
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (Subject subject : order) {
          BenchRedisCluster.commandCalls(shards, true);
          Costs costs = measure(subject, os, pool, idle.get(subject.servers()));
          if (round > 1) {
            measured.computeIfAbsent(subject.name(), name -> new ArrayList<>()).add(costs);
          }
          System.out.printf(Locale.ROOT, "round %d %-15s client %8.0f ns/op  servers %8.0f ns/op  elapsed %8.0f ns/op%n",
              round, subject.name(), costs.clientCpuNs(), costs.serverCpuNs(), costs.elapsedNs());
          if (subject.name().equals("get16Cluster")) {
            System.out.println("  GETs per primary: " + gets(BenchRedisCluster.commandCalls(shards, false)));
          }
        }
      }
      // the single-key pairs once more, in alternating chunks, so that both sides of a ratio meet the same load
      System.out.println();
      interleaved("velaGet", bench::velaGet, "lettuceGet", bench::lettuceGet, os);
      interleaved("velaPut", bench::velaPut, "lettuceSet", bench::lettuceSet, os);
    } finally {
      pool.shutdownNow();
      bench.tearDown();
    }
    System.out.println("\nmedians of rounds 2 to " + ROUNDS + " (ns per operation):");
    System.out.println("subject          client-cpu  server-cpu  elapsed");
    measured.forEach((name, costs) -> System.out.printf(Locale.ROOT, "%-15s %11.0f %11.0f %8.0f%n", name,
        median(costs.stream().mapToDouble(Costs::clientCpuNs).toArray()),
        median(costs.stream().mapToDouble(Costs::serverCpuNs).toArray()),
        median(costs.stream().mapToDouble(Costs::elapsedNs).toArray())));
  }

  private static Costs measure(Subject subject, OperatingSystemMXBean os, ExecutorService pool, double idlePerSecond)
      throws Exception {
    int ops = subject.threads() == 1 ? SINGLE_OPS : SIXTEEN_OPS;
    double serversBefore = usedCpuSeconds(subject.servers());
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    if (subject.threads() == 1) {
      for (int i = 0; i < ops; i++) {
        subject.operation().run();
      }
    } else {
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < subject.threads(); t++) {
        threads.add(pool.submit(() -> {
          for (int i = 0; i < ops / subject.threads(); i++) {
            subject.operation().run();
          }
        }));
      }
      for (Future<?> thread : threads) {
        thread.get();
      }
    }
    long elapsed = System.nanoTime() - start;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    double servers = usedCpuSeconds(subject.servers()) - serversBefore - idlePerSecond * elapsed / 1e9;
    return new Costs(cpu / (double) ops, servers * 1e9 / ops, elapsed / (double) ops);
  }

  /**
   * Runs {@code first} and {@code second} in {@link #CHUNKS} alternating chunks of {@link #CHUNK}
   * operations each and prints the ratios of their summed elapsed and client CPU times.
   */
  private static void interleaved(String firstName, Runnable first, String secondName, Runnable second,
      OperatingSystemMXBean os) {
    long[] elapsed = new long[2];
    long[] cpu = new long[2];
    Runnable[] operations = {first, second};
    for (int chunk = 0; chunk < CHUNKS; chunk++) {
      for (int side = 0; side < 2; side++) {
        int which = (chunk + side) % 2; // each side goes first in every other pair of chunks
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < CHUNK; i++) {
          operations[which].run();
        }
        elapsed[which] += System.nanoTime() - start;
        cpu[which] += os.getProcessCpuTime() - cpuBefore;
      }
    }
    double ops = (double) CHUNKS * CHUNK;
    System.out.printf(Locale.ROOT, "interleaved %s / %s: elapsed %.0f / %.0f ns/op = %.2fx, client CPU %.0f / %.0f ns/op"
        + " = %.2fx%n", firstName, secondName, elapsed[0] / ops, elapsed[1] / ops, elapsed[0] / (double) elapsed[1],
        cpu[0] / ops, cpu[1] / ops, cpu[0] / (double) cpu[1]);
  }

  /** The CPU seconds per second {@code servers} use over 3 s without calls. */
  private static double idleCpuPerSecond(List<BenchRedisServer> servers) {
    double before = usedCpuSeconds(servers);
    long start = System.nanoTime();
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
    return (usedCpuSeconds(servers) - before) / ((System.nanoTime() - start) / 1e9);
  }

  /** The CPU time, user and system, that {@code servers} have used since they started, in seconds. */
  static double usedCpuSeconds(List<BenchRedisServer> servers) {
    double total = 0;
    RedisClient client = RedisClient.create();
    try {
      for (BenchRedisServer server : servers) {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(server.url()))) {
          for (String line : connection.sync().info("cpu").split("\\R")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
              total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        }
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    return total;
  }

  private static List<Long> gets(Map<Integer, Map<String, Long>> calls) {
    return calls.values().stream().map(byCommand -> byCommand.getOrDefault("get", 0L)).toList();
  }

  private static double median(double[] values) {
    java.util.Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
