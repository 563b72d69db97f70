package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Near caches on two JVMs stay coherent through conditional writes: a value the reader holds in its
 * L1 gives way to what a compare-and-set or a merge on the other JVM stored, as after a put.
 */
class MultiJvmNearCacheAtomicTest {
  private static final int KEYS = 10;

  @ParameterizedTest
  @ValueSource(strings = {"PARTITIONED", "REPLICATED"})
  void conditionalWritesOnOneJvmReplaceTheValueInTheOtherJvmsL1(String topology) throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String clusterId = "near-atomic-" + Long.toHexString(System.nanoTime());
    Path log = Files.createDirectories(Path.of("target", "multi-jvm")).resolve("nodes-" + clusterId + ".log");
    NodeProcess writer = null;
    NodeProcess reader = null;
    try {
      CompletableFuture<NodeProcess> second =
          CompletableFuture.supplyAsync(() -> NodeProcess.start(ports[1], hosts, clusterId, log, topology, 0, "near"));
      writer = NodeProcess.start(ports[0], hosts, clusterId, log, topology, 0, "near");
      reader = second.get(90, TimeUnit.SECONDS);
      NodeProcess writing = writer;
      Settled.value(() -> (long) writing.send("members").split(",").length, seen -> seen == 2, Duration.ofSeconds(60));

      for (int n = 0; n < KEYS; n++) {
        writer.send("put " + n + " old");
        reader.send("await " + n + " old");
        awaitKeptInL1(reader, n, "old");
        assertThat(writer.send("replace " + n + " old new")).isEqualTo("true");
        reader.send("await " + n + " new"); // an error answer, after 10 s of the old value, fails the test

        awaitKeptInL1(reader, n, "new");
        assertThat(writer.send("merge " + n + " +1")).isEqualTo("new+1");
        reader.send("await " + n + " new+1");
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
      if (reader != null) {
        reader.close();
      }
    }
  }

  /** Reads key {@code n} on {@code reader} until its L1 answers, so the next write must replace an L1 entry. */
  private static void awaitKeptInL1(NodeProcess reader, int n, String value) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long hitsBefore = reader.number("l1Hits");
      assertThat(reader.send("get " + n)).isEqualTo(value);
      if (reader.number("l1Hits") > hitsBefore) {
        return;
      }
      assertThat(System.nanoTime()).as("key %d in the reader's L1 within 10 s", n).isLessThan(deadline);
    }
  }
}
