package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

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
    LoopbackCluster cluster = LoopbackCluster.plan("transactions", 2);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      List<CompletableFuture<NodeProcess>> starts = new ArrayList<>();
      for (int i = 0; i < cluster.ports().length; i++) {
        int node = i;
        starts.add(CompletableFuture.supplyAsync(() -> cluster.start(node)));
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
