package dev.vela.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reads and writes on a Zipf(0.99) trace over 100,000 keys: Vela's LOCAL memory cache (stats on)
 * beside ConcurrentHashMap and Caffeine (stats on, unbounded and bounded at the same size).
 * {@code read} is 100% gets, {@code mixed} 75% gets and 25% puts (3 reader threads, 1 writer, as
 * a JMH group), {@code write} 100% puts. Run the 1-thread and 2-thread cases with {@code -t 1} and
 * {@code -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class GetBench {
  static final int KEY_SPACE = 100_000;
  static final int TRACE_LENGTH = 1 << 20;
  static final int MASK = TRACE_LENGTH - 1;

  @Param({"vela", "vela_or_default", "vela_lru", "chm", "caffeine", "caffeine_bounded"})
  public String cache;

  LocalCaches.Subject subject;
  Integer[] trace;

  @Setup(Level.Trial)
  public void fill() {
    subject = LocalCaches.open(cache, KEY_SPACE / 2);
    trace = ZipfKeys.trace(KEY_SPACE, 0.99, TRACE_LENGTH, 42);
    for (int i = 0; i < KEY_SPACE; i++) {
      subject.put(trace[i & MASK], i);
    }
    // every subject starts from a heap compacted in the same way, not from the layout its own fill
    // left: reads of 100,000 keys are bound by memory, and that layout changed them by up to 2x
    System.gc();
  }

  @TearDown(Level.Trial)
  public void close() {
    subject.close();
  }

  /** Each thread walks the trace from its own starting point. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = (int) (Thread.currentThread().getId() * 7919) & MASK;

    Integer next(Integer[] trace) {
      index = (index + 1) & MASK;
      return trace[index];
    }
  }

  @Benchmark
  public Object read(Cursor cursor) {
    return subject.get(cursor.next(trace));
  }

  @Benchmark
  public void write(Cursor cursor) {
    Integer key = cursor.next(trace);
    subject.put(key, key);
  }

  @Benchmark
  @Group("mixed")
  @GroupThreads(3)
  public Object mixedRead(Cursor cursor) {
    return subject.get(cursor.next(trace));
  }

  @Benchmark
  @Group("mixed")
  @GroupThreads(1)
  public void mixedWrite(Cursor cursor) {
    Integer key = cursor.next(trace);
    subject.put(key, key);
  }
}
