package dev.vela.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The CPU time per operation of {@link GetBench}'s {@code mixed} group (3 reading threads, 1 thread
 * putting keys of the same trace, mostly overwrites) for one subject, over GetBench's Zipf trace and
 * fill. CPU time, unlike elapsed time, hardly moves when other processes load the machine, so
 * subjects measured in alternating JVMs compare where JMH's scores do not; it counts what the
 * threads spend waiting only when they spin. Each round ends when the writer has made its puts.
 * Prints {@code subject put-ns read-ns process-ns} of the last (warm) round: the writer's own CPU
 * time per put, the readers' own CPU time per read, and the whole JVM's per operation (with the
 * replays handed to the pool).
 *
 * <p>{@code java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.MixedCpuMain vela_adaptive}
 */
public final class MixedCpuMain {
  private static final int PUTS = 1_000_000;
  private static final int ROUNDS = 5;
  private static final int READERS = 3;

  private MixedCpuMain() {}

  /** Measures the subject named by the one argument. */
  public static void main(String[] args) throws InterruptedException {
    String name = args[0];
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LocalCaches.Subject subject = LocalCaches.open(name, GetBench.KEY_SPACE / 2);
    Integer[] trace = ZipfKeys.trace(GetBench.KEY_SPACE, 0.99, GetBench.TRACE_LENGTH, 42);
    for (int i = 0; i < GetBench.KEY_SPACE; i++) {
      subject.put(trace[i & GetBench.MASK], i);
    }
    System.gc();
    String result = "";
    for (int round = 1; round <= ROUNDS; round++) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLongArray reads = new AtomicLongArray(READERS);
      AtomicLongArray readerCpu = new AtomicLongArray(READERS);
      CountDownLatch start = new CountDownLatch(1);
      Thread[] readers = new Thread[READERS];
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        readers[r] = new Thread(() -> {
          awaitStart(start);
          long cpu = threads.getCurrentThreadCpuTime();
          int index = reader * 7919;
          long count = 0;
          long sink = 0;
          while (writing.get()) {
            for (int n = 0; n < 1024; n++) {
              index = (index + 1) & GetBench.MASK;
              sink += subject.get(trace[index]) == null ? 0 : 1;
            }
            count += 1024;
          }
          readerCpu.set(reader, threads.getCurrentThreadCpuTime() - cpu);
          reads.set(reader, count + (sink & 1));
        });
        readers[r].start();
      }
      long processStart = os.getProcessCpuTime();
      start.countDown();
      long writerCpu = threads.getCurrentThreadCpuTime();
      int index = 4 * 7919;
      for (int n = 0; n < PUTS; n++) {
        index = (index + 1) & GetBench.MASK;
        Integer key = trace[index];
        subject.put(key, key);
      }
      writerCpu = threads.getCurrentThreadCpuTime() - writerCpu;
      writing.set(false);
      long totalReads = 0;
      long totalReaderCpu = 0;
      for (int r = 0; r < READERS; r++) {
        readers[r].join();
        totalReads += reads.get(r);
        totalReaderCpu += readerCpu.get(r);
      }
      long processCpu = os.getProcessCpuTime() - processStart;
      result = String.format(Locale.ROOT, "%s %.1f %.1f %.1f", name, writerCpu / (double) PUTS,
          totalReaderCpu / (double) totalReads, processCpu / (double) (PUTS + totalReads));
    }
    subject.close();
    System.out.println(result);
  }

  private static void awaitStart(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
