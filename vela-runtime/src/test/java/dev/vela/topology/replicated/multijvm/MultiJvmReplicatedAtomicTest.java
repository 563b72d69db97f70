package dev.vela.topology.replicated.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.topology.partitioned.multijvm.AtomicRaceCheck;
import dev.vela.topology.partitioned.multijvm.LoopbackCluster;
import dev.vela.topology.partitioned.multijvm.NodeProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A replicated cache on separate JVMs: conditional writes are atomic across processes, not just
 * within one, and transactions of different processes over one key exclude each other.
 */
class MultiJvmReplicatedAtomicTest {
  private static final int INCREMENTS = 300;

  @Test
  void threeNodesRacingOnTheSameKeysEndWithExactTotals() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("replicated-atomic", 3);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(cluster.start(i, "REPLICATED", 0));
      }
      AtomicRaceCheck race = AtomicRaceCheck.start(nodes.get(0), nodes, 3_000);
      assertThat(race.finishAndCheck(nodes)).isPositive();
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  @Test
  void transactionsFromTwoNodesOverOneKeyLoseNoUpdate() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("replicated-transactions", 2);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        nodes.add(cluster.start(i, "REPLICATED", 0));
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
