package dev.vela.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Bytes per entry of 1,000,000 Integer → Integer entries, measured as the growth of the live heap
 * after full collections, each cache in its own JVM (serial collector, so "used after GC" is
 * exact). Keys and values are allocated before the first measurement, so only the cache's own
 * structure is counted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.vela.benchmarks.MemoryBench}
 */
public final class MemoryBench {
  private static final int ENTRIES = 1_000_000;
  private static final List<String> SUBJECTS = List.of("vela", "vela_lru", "vela_lfu", "chm", "caffeine", "caffeine_bounded");

  private MemoryBench() {}

  /** With no argument, measures every subject in a child JVM and prints a table; with one, measures that subject. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 1) {
      System.out.println(measure(args[0]));
      return;
    }
    StringBuilder md = new StringBuilder("## Memory per entry (MemoryBench)\n\n| subject | bytes per entry |\n|---|---:|\n");
    for (String subject : SUBJECTS) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", subject, measureInChild(subject)));
    }
    System.out.print(md.append('\n'));
  }

  private static double measureInChild(String subject) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx2g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        MemoryBench.class.getName(), subject).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes()).trim();
    if (child.waitFor() != 0) {
      throw new IllegalStateException(subject + " failed: " + output);
    }
    return Double.parseDouble(output.substring(output.lastIndexOf('\n') + 1));
  }

  private static double measure(String subject) {
    Integer[] keys = new Integer[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
      keys[i] = i + 1_000_000; // outside Integer's small-value cache, so every key is its own object
    }
    long before = usedAfterGc();
    LocalCaches.Subject cache = LocalCaches.open(subject, ENTRIES);
    for (Integer key : keys) {
      cache.put(key, key);
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(cache);
    Reference.reachabilityFence(keys);
    return (after - before) / (double) ENTRIES;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
