package dev.vela.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The client JVM of {@link RemoteGetMain}: joins one product's server, fills it, and reads the keys
 * the server owns from closed-loop threads; prints one {@code RESULT} line per measurement.
 *
 * <p>Arguments: product, server port, client port, thread counts (comma-separated), warmup and
 * measurement in milliseconds.
 */
public final class RemoteGetClient {
  /** Keys per bulk read. */
  static final int BULK = 100;

  private RemoteGetClient() {}

  /** Measures and prints; exits when done. */
  public static void main(String[] args) throws Exception {
    RemoteProduct product = RemoteProduct.named(args[0]);
    int serverPort = Integer.parseInt(args[1]);
    int clientPort = Integer.parseInt(args[2]);
    int[] threadCounts = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    Duration warmup = Duration.ofMillis(Long.parseLong(args[4]));
    Duration measure = Duration.ofMillis(Long.parseLong(args[5]));
    try (RemoteSubject subject = product.connect(serverPort, clientPort)) {
      String[] keys = subject.remoteKeys();
      if (keys.length < BULK) {
        throw new IllegalStateException(product.title() + " placed only " + keys.length + " of " + RemoteProduct.KEYS
            + " keys on the server");
      }
      System.out.println("REMOTE_KEYS " + keys.length);
      for (int threads : threadCounts) {
        int stride = keys.length / threads;
        CpuClock cpu = new CpuClock();
        ClosedLoop.Result result = ClosedLoop.run(threads, warmup, measure,
            (thread, i) -> subject.get(keys[(int) ((thread * (long) stride + i) % keys.length)]), cpu::start, cpu::end);
        print("get", result, cpu.used());
      }
      if (subject.hasGetAll()) {
        CpuClock bulkCpu = new CpuClock();
        ClosedLoop.Result bulk = ClosedLoop.run(1, warmup, measure, (thread, i) -> {
          List<String> batch = batch(keys, i);
          if (subject.getAll(batch) != BULK) {
            throw new IllegalStateException("a bulk read found fewer than " + BULK + " keys");
          }
        }, bulkCpu::start, bulkCpu::end);
        print("getAll" + BULK, bulk, bulkCpu.used());
        CpuClock sequentialCpu = new CpuClock();
        ClosedLoop.Result sequential = ClosedLoop.run(1, warmup, measure, (thread, i) -> {
          for (String key : batch(keys, i)) {
            subject.get(key);
          }
        }, sequentialCpu::start, sequentialCpu::end);
        print("get" + BULK, sequential, sequentialCpu.used());
      }
    }
    System.exit(0);
  }

  private static List<String> batch(String[] keys, long i) {
    int from = (int) ((i * BULK) % (keys.length - BULK + 1));
    return Arrays.asList(keys).subList(from, from + BULK);
  }

  /**
   * Prints a measurement: name, threads, calls/s, p50, p99, calls, and the CPU time this JVM used
   * meanwhile; the run adds the server JVM's, which it reads between the two MARK lines.
   */
  private static void print(String what, ClosedLoop.Result result, long cpuNanos) {
    System.out.printf(java.util.Locale.ROOT, "RESULT %s %d %.1f %.1f %.1f %d %d%n", what, result.threads(),
        result.opsPerSecond(), result.p50Micros(), result.p99Micros(), result.calls(), cpuNanos);
    System.out.flush();
  }

  /** This JVM's CPU time over a measurement; tells the run when it starts and ends (MARK lines). */
  private static final class CpuClock {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long started;
    private long used;

    void start() {
      System.out.println("MARK start");
      System.out.flush();
      started = os.getProcessCpuTime();
    }

    void end() {
      used = os.getProcessCpuTime() - started;
      System.out.println("MARK end");
      System.out.flush();
    }

    long used() {
      return used;
    }
  }
}
