package dev.vela.benchmarks;

import dev.vela.Cache;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * The CPU time one thread spends per DISK put and get (default {@code fsync}) beside one {@code
 * write()} of a logged put's size, over the 10,000 entries of {@link DiskBench}. CPU time, unlike
 * elapsed time, hardly changes when other processes load the machine, so the ratios hold where
 * JMH's scores do not; it leaves out what a put waits for (the disk, a checkpoint's lock), which
 * {@link DiskBench} measures. Prints one line per round; the last rounds are the warm ones.
 *
 * <p>{@code java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.DiskCpuMain}
 */
public final class DiskCpuMain {
  private static final int ENTRIES = 10_000;
  private static final int OPERATIONS = 200_000;
  private static final int ROUNDS = 5;

  private DiskCpuMain() {}

  /** Runs the measurement. */
  public static void main(String[] args) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Path dataDir = Files.createTempDirectory("vela-disk-cpu");
    try {
      int recordBytes = DiskCaches.logBytesPerPut(dataDir.resolve("sizing"));
      String[] keys = new String[ENTRIES];
      LineItem[] items = new LineItem[ENTRIES];
      for (int i = 0; i < ENTRIES; i++) {
        keys[i] = DiskCaches.key(i);
        items[i] = DiskCaches.item(i);
      }
      Random random = new Random(1);
      try (Cache<String, LineItem> cache = DiskCaches.open("cpu", dataDir, "1s");
          FileChannel floor = FileChannel.open(dataDir.resolve("floor"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        for (int i = 0; i < ENTRIES; i++) {
          cache.put(keys[i], items[i]);
        }
        ByteBuffer record = ByteBuffer.allocate(recordBytes);
        for (int round = 1; round <= ROUNDS; round++) {
          long start = threads.getCurrentThreadCpuTime();
          for (int n = 0; n < OPERATIONS; n++) {
            int i = random.nextInt(ENTRIES);
            cache.put(keys[i], items[i]);
          }
          long afterPuts = threads.getCurrentThreadCpuTime();
          for (int n = 0; n < OPERATIONS; n++) {
            cache.get(keys[random.nextInt(ENTRIES)]);
          }
          long afterGets = threads.getCurrentThreadCpuTime();
          for (int n = 0; n < OPERATIONS; n++) {
            record.clear();
            floor.write(record);
          }
          long afterWrites = threads.getCurrentThreadCpuTime();
          double put = micros(afterPuts - start);
          double get = micros(afterGets - afterPuts);
          double write = micros(afterWrites - afterGets);
          System.out.printf("round %d: CPU per put %.2f us, per get %.2f us, per write() of %d bytes %.2f us;"
              + " put/write() throughput ratio %.2f%n", round, put, get, recordBytes, write, write / put);
        }
      }
    } finally {
      DiskCaches.delete(dataDir);
    }
  }

  private static double micros(long nanos) {
    return nanos / 1_000.0 / OPERATIONS;
  }
}
