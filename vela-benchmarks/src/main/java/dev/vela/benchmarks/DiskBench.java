package dev.vela.benchmarks;

import dev.vela.Cache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the DISK backend over 10,000 small {@link LineItem} entries, from one thread and
 * from four: a read of a present key on a warm store, and an overwrite, with each {@code fsync}
 * setting (the default {@code 1s}, and {@code always}). Beside them, in the same run, the two
 * floors the disk sets: appending a record of the size the backend logs for one put, with {@code
 * write()} alone and with {@code write()} followed by a forced write ({@code fdatasync}, as the
 * backend forces). Bytes on disk per entry are measured by {@link DiskSizeMain}, apart from JMH.
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

  @Param({"1s", "always"})
  public String fsync;

  private Path dataDir;
  private Cache<String, LineItem> cache;
  private FileChannel floorFile;
  private ByteBuffer floorRecord;

  /** Opens a store in a new directory, fills it, and opens the floors' file. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dataDir = Files.createTempDirectory("vela-disk-bench");
    int recordBytes = DiskCaches.logBytesPerPut(dataDir.resolve("sizing"));
    floorRecord = ByteBuffer.allocate(recordBytes);
    floorFile = FileChannel.open(dataDir.resolve("floor"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    cache = DiskCaches.open("bench", dataDir, fsync);
    Map<String, LineItem> batch = new HashMap<>();
    for (int i = 0; i < ENTRIES; i++) {
      batch.put(DiskCaches.key(i), DiskCaches.item(i));
      if (batch.size() == 1_000) {
        cache.putAll(batch);
        batch.clear();
      }
    }
    for (int i = 0; i < ENTRIES; i++) {
      cache.get(DiskCaches.key(i)); // warm
    }
  }

  /** Closes the store and deletes its directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    cache.close();
    floorFile.close();
    DiskCaches.delete(dataDir);
  }

  /** A read of a present key: one lookup, then the value decoded. */
  @Benchmark
  public LineItem get() {
    return read();
  }

  /** {@link #get} from four threads. */
  @Benchmark
  @Threads(4)
  public LineItem get4() {
    return read();
  }

  private LineItem read() {
    return cache.get(DiskCaches.key(ThreadLocalRandom.current().nextInt(ENTRIES))).orElseThrow();
  }

  /** An overwrite of a present key, acknowledged as {@code fsync} says. */
  @Benchmark
  public void put() {
    write();
  }

  /** {@link #put} from four threads. */
  @Benchmark
  @Threads(4)
  public void put4() {
    write();
  }

  private void write() {
    int i = ThreadLocalRandom.current().nextInt(ENTRIES);
    cache.put(DiskCaches.key(i), DiskCaches.item(i));
  }

  /** The floor of a put with the default {@code fsync}: one {@code write()} of a logged put's size. */
  @Benchmark
  public void floorWrite() throws IOException {
    floorRecord.clear();
    floorFile.write(floorRecord);
  }

  /** The floor of a put with {@code fsync=always}: that {@code write()}, then forcing it to disk. */
  @Benchmark
  public void floorWriteAndForce() throws IOException {
    floorRecord.clear();
    floorFile.write(floorRecord);
    floorFile.force(false);
  }
}
