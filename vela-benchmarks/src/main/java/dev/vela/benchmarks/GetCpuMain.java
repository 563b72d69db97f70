package dev.vela.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time the whole JVM spends per operation of {@link GetBench}'s one-thread {@code read} and
 * a 75/25 read/write mix on one thread, for one subject, over GetBench's Zipf trace and fill.
 * Process CPU time counts the work a cache hands to other threads too (replaying reads into the
 * eviction order on the common pool), and, unlike elapsed time, it hardly moves when other
 * processes load the machine, so subjects measured in alternating JVMs compare where JMH's scores
 * do not. It leaves out contention between threads, which GetBench's 2-thread runs measure. Prints
 * {@code subject read-ns mixed-ns reader-read-ns} of the last (warm) round: the last is the reading
 * thread's own CPU time per read, without the work handed to the pool, which bounds how fast one
 * thread reads when the pool has a processor of its own.
 *
 * <p>{@code java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.GetCpuMain vela_adaptive}
 */
public final class GetCpuMain {
  private static final int OPERATIONS = 4_000_000;
  private static final int ROUNDS = 6;

  private GetCpuMain() {}

  /** Measures the subject named by the one argument. */
  public static void main(String[] args) {
    String name = args[0];
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    LocalCaches.Subject subject = LocalCaches.open(name, GetBench.KEY_SPACE / 2);
    Integer[] trace = ZipfKeys.trace(GetBench.KEY_SPACE, 0.99, GetBench.TRACE_LENGTH, 42);
    for (int i = 0; i < GetBench.KEY_SPACE; i++) {
      subject.put(trace[i & GetBench.MASK], i);
    }
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double readerNs = 0;
    double readNs = 0;
    double mixedNs = 0;
    int index = 0;
    long sink = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      long start = os.getProcessCpuTime();
      long readerStart = threads.getCurrentThreadCpuTime();
      for (int n = 0; n < OPERATIONS; n++) {
        index = (index + 1) & GetBench.MASK;
        sink += subject.get(trace[index]) == null ? 0 : 1;
      }
      long afterReads = os.getProcessCpuTime();
      readerNs = (threads.getCurrentThreadCpuTime() - readerStart) / (double) OPERATIONS;
      for (int n = 0; n < OPERATIONS; n++) {
        index = (index + 1) & GetBench.MASK;
        Integer key = trace[index];
        if ((n & 3) == 3) {
          subject.put(key, key);
        } else {
          sink += subject.get(key) == null ? 0 : 1;
        }
      }
      long afterMixed = os.getProcessCpuTime();
      readNs = (afterReads - start) / (double) OPERATIONS;
      mixedNs = (afterMixed - afterReads) / (double) OPERATIONS;
    }
    subject.close();
    System.out.printf(Locale.ROOT, "%s %.1f %.1f %.1f %d%n", name, readNs, mixedNs, readerNs, sink & 1);
  }
}
