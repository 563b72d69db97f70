package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs increment the same counter in transactions at once: the key is locked on its owner, so
 * the transactions of both nodes run one after the other and no increment is lost.
 */
class MultiJvmTransactionTest {
  private static final int INCREMENTS = 300;
  private static final Duration SETTLE = Duration.ofSeconds(45);

  @Test
  void transactionsFromTwoNodesOverOneKeyLoseNoUpdate() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = "127.0.0.1[" + ports[0] + "],127.0.0.1[" + ports[1] + "]";
    String clusterId = "transactions-" + Long.toHexString(System.nanoTime());
    Path dir = Path.of("target", "multi-jvm");
    Files.createDirectories(dir);
    Path log = dir.resolve("nodes-" + clusterId + ".log");
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      List<CompletableFuture<NodeProcess>> starts = new ArrayList<>();
      for (int port : ports) {
        starts.add(CompletableFuture.supplyAsync(() -> NodeProcess.start(port, hosts, clusterId, log)));
      }
      for (CompletableFuture<NodeProcess> start : starts) {
        nodes.add(start.get(90, TimeUnit.SECONDS));
      }
      for (NodeProcess node : nodes) {
        Settled.value(() -> (long) node.send("members").split(",").length, seen -> seen == 2, SETTLE);
      }

      List<CompletableFuture<String>> counting = new ArrayList<>();
      for (NodeProcess node : nodes) {
        counting.add(CompletableFuture.supplyAsync(() -> node.send("increment 7 " + INCREMENTS)));
      }
      for (CompletableFuture<String> done : counting) {
        done.get(120, TimeUnit.SECONDS);
      }

      assertThat(nodes.get(0).send("get 7")).isEqualTo(Integer.toString(2 * INCREMENTS));
      assertThat(nodes.get(1).send("get 7")).isEqualTo(Integer.toString(2 * INCREMENTS));
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }
}
