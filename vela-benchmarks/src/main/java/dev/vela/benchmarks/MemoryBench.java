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
 * <p>Two figures: bytes per entry counts from the first entry on, so it is what each further entry
 * costs; the second charges the million entries with everything the first cache brought too: its
 * fixed structures and its library's once-only setup (class statics and the like, a few hundred
 * KB, which a second cache does not pay again).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.vela.benchmarks.MemoryBench}
 */
public final class MemoryBench {
  private static final int ENTRIES = 1_000_000;
  private static final List<String> SUBJECTS = List.of("vela", "vela_lru", "vela_lfu", "vela_adaptive",
      "vela_weighted", "chm", "caffeine", "caffeine_bounded", "caffeine_weighted");

  private MemoryBench() {}

  /** With no argument, measures every subject in a child JVM and prints a table; with one, measures that subject. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 1) {
      System.out.println(measure(args[0]).asLine());
      return;
    }
    StringBuilder md = new StringBuilder("## Memory per entry (MemoryBench)\n\n"
        + "| subject | bytes per entry | with the first cache's setup |\n|---|---:|---:|\n");
    for (String subject : SUBJECTS) {
      Footprint footprint = measureInChild(subject);
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", subject, footprint.bytesPerEntry(),
          footprint.bytesPerEntryWithSetup()));
    }
    System.out.print(md.append('\n'));
  }

  /** The live heap before the cache, after its first entry, and with all of its entries. */
  record Footprint(long before, long withFirstEntry, long full) {
    double bytesPerEntry() {
      return (full - withFirstEntry) / (double) (ENTRIES - 1);
    }

    double bytesPerEntryWithSetup() {
      return (full - before) / (double) ENTRIES;
    }

    /** The line a child JVM prints for its parent to {@link #parse}. */
    String asLine() {
      return before + " " + withFirstEntry + " " + full;
    }

    static Footprint parse(String line) {
      String[] fields = line.trim().split(" ");
      return new Footprint(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }
  }

  private static Footprint measureInChild(String subject) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx2g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        MemoryBench.class.getName(), subject).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes()).trim();
    if (child.waitFor() != 0) {
      throw new IllegalStateException(subject + " failed: " + output);
    }
    return Footprint.parse(output.substring(output.lastIndexOf('\n') + 1));
  }

  private static Footprint measure(String subject) {
    Integer[] keys = new Integer[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
      keys[i] = i + 1_000_000; // outside Integer's small-value cache, so every key is its own object
    }
    // a JVM's first reading is about 2 MB high, whatever follows (the JDK's own setup, freed by the
    // next collection); before, it made every subject read 1.8 bytes an entry light
    usedAfterGc();
    long before = usedAfterGc();
    LocalCaches.Subject cache = LocalCaches.open(subject, ENTRIES);
    // the first write runs each library's once-only setup, so none of it is counted per entry
    cache.put(keys[0], keys[0]);
    long first = usedAfterGc();
    for (int i = 1; i < ENTRIES; i++) {
      cache.put(keys[i], keys[i]);
    }
    long full = usedAfterGc();
    Reference.reachabilityFence(cache);
    Reference.reachabilityFence(keys);
    return new Footprint(before, first, full);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
