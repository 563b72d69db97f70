package dev.vela.benchmarks;

import dev.vela.Cache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the DISK backend over 10,000 small {@link LineItem} entries: a read of a present
 * key, and a put, with a commit before each put returns ({@code commitInterval=0}, the default) or
 * commits every 100ms in the background. Bytes on disk per entry for a million entries are
 * measured by {@link DiskSizeMain}, apart from JMH.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar DiskBench -f 1 -wi 1 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DiskBench {
  private static final int ENTRIES = 10_000;

  @Param({"0", "100ms"})
  public String commitInterval;

  private Path dataDir;
  private Cache<String, LineItem> cache;

  /** Opens a store in a new directory and fills it. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dataDir = Files.createTempDirectory("vela-disk-bench");
    cache = DiskCaches.open("bench", dataDir, commitInterval);
    Map<String, LineItem> batch = new HashMap<>();
    for (int i = 0; i < ENTRIES; i++) {
      batch.put(DiskCaches.key(i), DiskCaches.item(i));
      if (batch.size() == 1_000) {
        cache.putAll(batch);
        batch.clear();
      }
    }
  }

  /** Closes the store and deletes its directory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
    DiskCaches.delete(dataDir);
  }

  /** A read of a present key: one lookup, then the value decoded. */
  @Benchmark
  public LineItem get() {
    return cache.get(DiskCaches.key(ThreadLocalRandom.current().nextInt(ENTRIES))).orElseThrow();
  }

  /** An overwrite of a present key, durable before it returns when {@code commitInterval} is 0. */
  @Benchmark
  public void put() {
    int i = ThreadLocalRandom.current().nextInt(ENTRIES);
    cache.put(DiskCaches.key(i), DiskCaches.item(i));
  }
}
