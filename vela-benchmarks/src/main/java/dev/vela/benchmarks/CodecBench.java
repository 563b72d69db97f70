package dev.vela.benchmarks;

import dev.vela.codec.Codecs;
import dev.vela.codec.FramedCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and then decoding one typical {@link Order}, as a cache does for every write and read
 * that crosses a node or reaches disk or Redis: Vela's generated-style codec with its shape
 * fingerprint in front, against Java serialization of the same record, the one place this project
 * uses Java serialization. The encoded sizes of both are printed when a trial starts.
 *
 * <p>{@code java -jar vela-benchmarks/target/benchmarks.jar CodecBench -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {
  private final FramedCodec<Order> framed = Codecs.framed(new OrderCodec());
  private Order order;

  /** Builds the order and prints both encoded sizes. */
  @Setup(Level.Trial)
  public void setUp() {
    order = new Order(
        UUID.fromString("5f0c2d4e-8a31-4b6f-9c7d-2e1a3b4c5d6e"),
        "Ada Lovelace",
        42L,
        Instant.parse("2026-11-22T10:15:30.123456789Z"),
        OrderStatus.SHIPPED,
        List.of(
            new LineItem("SKU-1001", 2, new BigDecimal("19.99")),
            new LineItem("SKU-2002", 1, new BigDecimal("5.49")),
            new LineItem("SKU-3003", 4, new BigDecimal("15.00"))),
        new BigDecimal("105.47"),
        Map.of("channel", "web", "coupon", "WINTER25"));
    int velaSize = framed.toBytes(order).length;
    int javaSize = serialize(order).length;
    if (!order.equals(framed.fromBytes(framed.toBytes(order))) || !order.equals(deserialize(serialize(order)))) {
      throw new IllegalStateException("a round trip changed the order; the benchmark would measure the wrong thing");
    }
    System.out.printf("%nencoded size: vela %d bytes, java serialization %d bytes, %.1fx smaller%n",
        velaSize, javaSize, (double) javaSize / velaSize);
  }

  /** Vela: fingerprint and value out, then checked and read back. */
  @Benchmark
  public Order velaCodec() {
    return framed.fromBytes(framed.toBytes(order));
  }

  /** Java serialization of the same record, out and back. */
  @Benchmark
  public Order javaSerialization() {
    return deserialize(serialize(order));
  }

  private static byte[] serialize(Order value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Order deserialize(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (Order) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
