package dev.vela.cluster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Two JVMs run a PARTITIONED cache with a near cache whose L1 keeps entries for ten minutes: every
 * put, update and delete made on one node is read on the other within a second of being
 * acknowledged, because the L1 is invalidated by delivery, not by its TTL. Each node writes keys
 * the other has cached, right after the second node started (when the nodes' rings are newest) and
 * on. Repeated, because staleness shows only in some runs.
 */
class NearCacheStalenessTest {
  private static final int KEYS = 40;
  private static final long LIMIT_MICROS = TimeUnit.SECONDS.toMicros(1);

  @RepeatedTest(3)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyChangeIsSeenOnTheOtherNodeWithinASecond() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String cluster = "near-" + Long.toHexString(System.nanoTime());
    Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
    List<FaultNode> nodes = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) { // the second starts once the first is up, as in a rolling start
        FaultNode node = FaultNode.launch("node" + i, log, List.of(), "PARTITIONED", List.of(
            "cluster=" + cluster, "port=" + ports[i], "initialHosts=" + FreePorts.loopbackHosts(ports),
            "joinTimeout=1s", "rpcTimeout=5s", "near=true", "l1Ttl=10m"));
        nodes.add(node);
        node.awaitStarted();
      }
      for (int k = 0; k < KEYS; k++) {
        FaultNode writer = nodes.get(k % 2);
        FaultNode reader = nodes.get(1 - k % 2);
        String key = "k" + k;
        writer.send("put " + key + " first" + k);
        latencies.add(seen(reader, "await " + key + " first" + k));
        writer.send("put " + key + " second" + k);
        latencies.add(seen(reader, "await " + key + " second" + k));
        writer.send("delete " + key);
        latencies.add(seen(reader, "awaitAbsent " + key));
        writer.send("put " + key + " third" + k);
        latencies.add(seen(reader, "await " + key + " third" + k));
      }
      latencies.sort(null);
      System.out.printf("near-cache staleness over %d changes: p50 %d µs, p99 %d µs, max %d µs%n", latencies.size(),
          latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 99 / 100),
          latencies.get(latencies.size() - 1));
      assertThat(latencies.get(latencies.size() - 1)).as("the slowest change to show, in µs").isLessThan(LIMIT_MICROS);
    } finally {
      for (FaultNode node : nodes) {
        node.close();
      }
    }
  }

  /** How long, in µs, the reader took to read what the command awaits; fails past the node's 10 s. */
  private static long seen(FaultNode reader, String await) {
    return Long.parseLong(reader.send(await).trim());
  }
}
