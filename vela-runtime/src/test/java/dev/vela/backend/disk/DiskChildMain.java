package dev.vela.backend.disk;

import dev.vela.Cache;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for the disk tests, started with the test class path. {@code write <dataDir>
 * <prefix> <fsync>} puts keys from four threads and prints each key once its put has returned,
 * until it is killed or has written a bounded number; {@code hold <dataDir>} opens the store,
 * prints {@code ready} and keeps it until its standard input closes.
 */
public final class DiskChildMain {
  /** The cache both sides open. */
  static final String CACHE_NAME = "crash test";
  /** Most keys one writer thread puts, so that a child the parent fails to kill still ends. */
  private static final int MAX_KEYS_PER_THREAD = 200_000;
  /** Makes values long enough that a few thousand puts fill a log segment and start a checkpoint. */
  private static final String PADDING = "x".repeat(200);

  private DiskChildMain() {}

  /** Runs the mode named by {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[1]);
    PrintStream out = System.out;
    String fsync = args.length > 3 ? args[3] : "1s";
    try (Cache<String, String> cache =
        DiskTesting.strings(CACHE_NAME, dataDir, InstantSource.system()).option("fsync", fsync).create()) {
      switch (args[0]) {
        case "write" -> write(cache, args[2], out);
        case "hold" -> hold(out);
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    }
  }

  private static void write(Cache<String, String> cache, String prefix, PrintStream out) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String threadPrefix = prefix + "-" + t + "-";
      Thread thread = new Thread(() -> {
        for (int i = 0; i < MAX_KEYS_PER_THREAD; i++) {
          String key = threadPrefix + i;
          cache.put(key, valueOf(key));
          synchronized (out) {
            out.println(key);
            out.flush();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void hold(PrintStream out) throws IOException {
    out.println("ready");
    out.flush();
    while (System.in.read() >= 0) {
      // keep the store until the parent closes our input or kills us
    }
  }

  /** The value the writer stores under {@code key}. */
  static String valueOf(String key) {
    return "value of " + key + PADDING;
  }
}
