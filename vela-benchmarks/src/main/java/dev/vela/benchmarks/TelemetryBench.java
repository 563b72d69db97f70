package dev.vela.benchmarks;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.telemetry.CacheEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What telemetry costs on the read path: a hit of a LOCAL MEMORY cache ({@code get} of one of
 * 1024 keys) with telemetry off, against the baseline, against one listener, and against Micrometer.
 *
 * <p>The baseline is the very same cache and method in a JVM started with
 * {@code -Ddev.vela.core.bypassTelemetry=true}: the cache core reads that flag into a
 * {@code static final} constant, so the JIT folds it and compiles the read with its telemetry
 * branch removed, which is the code as it would be without telemetry. "Off" differs from it by
 * the one null check of the telemetry field that production code runs; the target is within 3%.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar TelemetryBench -f 1 -wi 3 -i 5 -w 1s -r 1s}; add
 * {@code -prof gc} to see that "off" allocates exactly what the baseline does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TelemetryBench {
  private static final int KEYS = 1024; // a power of two, so the next key is a mask away

  /** A filled cache and the next key to read; subclasses choose the telemetry. */
  @State(Scope.Thread)
  public abstract static class Reads {
    private final String[] keys = new String[KEYS];
    private Cache<String, String> cache;
    private int next;

    /** Builds and fills the cache. */
    @Setup(Level.Trial)
    public void setUp() {
      TypeCodec<String> strings = TypeCodec.of("String", Codecs.STRING);
      CacheBuilder<String, String, Cache<String, String>> builder = new CacheBuilder<String, String, Cache<String, String>>(
          new CacheTypes<>(strings, strings), "bench", Backend.MEMORY, Topology.LOCAL, UnaryOperator.identity());
      cache = withTelemetry(builder).create();
      for (int i = 0; i < KEYS; i++) {
        keys[i] = "key-" + i;
        cache.put(keys[i], "value-" + i);
      }
    }

    /** The builder with this state's telemetry. */
    abstract CacheBuilder<String, String, Cache<String, String>> withTelemetry(
        CacheBuilder<String, String, Cache<String, String>> builder);

    /** Closes the cache. */
    @TearDown(Level.Trial)
    public void tearDown() {
      cache.close();
    }

    Optional<String> read() {
      return cache.get(keys[next++ & (KEYS - 1)]);
    }
  }

  /** No listener, no registry. */
  public static class Off extends Reads {
    @Override
    CacheBuilder<String, String, Cache<String, String>> withTelemetry(
        CacheBuilder<String, String, Cache<String, String>> builder) {
      return builder;
    }
  }

  /** One listener that only keeps the last event, so that building the event cannot be skipped. */
  public static class OneListener extends Reads {
    volatile CacheEvent last;

    @Override
    CacheBuilder<String, String, Cache<String, String>> withTelemetry(
        CacheBuilder<String, String, Cache<String, String>> builder) {
      return builder.listener(event -> last = event);
    }
  }

  /** A {@link SimpleMeterRegistry}: timers and the standard cache meters. */
  public static class Micrometer extends Reads {
    @Override
    CacheBuilder<String, String, Cache<String, String>> withTelemetry(
        CacheBuilder<String, String, Cache<String, String>> builder) {
      return builder.meterRegistry(new SimpleMeterRegistry());
    }
  }

  /** The baseline: the same read, compiled without its telemetry branch. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Ddev.vela.core.bypassTelemetry=true")
  public Optional<String> getTelemetryRemoved(Off state) {
    return state.read();
  }

  /** Telemetry off, as every cache without a listener or registry runs. */
  @Benchmark
  public Optional<String> getTelemetryOff(Off state) {
    return state.read();
  }

  /** One listener: the clock read twice and an event built per read. */
  @Benchmark
  public Optional<String> getWithListener(OneListener state) {
    return state.read();
  }

  /** Micrometer: the clock read twice, an event built and a timer recorded per read. */
  @Benchmark
  public Optional<String> getWithMicrometer(Micrometer state) {
    return state.read();
  }
}
