package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A partitioned cache with one backup per key on separate JVMs: processes race merges,
 * compare-and-set loops and putIfAbsent claims on the same keys, with a steady membership and while
 * a fourth node joins and one leaves, and end with exact totals and one winner per claim.
 */
class MultiJvmAtomicOperationsTest {
  private static final Duration SETTLE = Duration.ofSeconds(45);

  @Test
  void threeNodesRacingOnTheSameKeysEndWithExactTotals() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("atomic", 3);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      nodes.addAll(startAll(cluster, 3));
      AtomicRaceCheck race = AtomicRaceCheck.start(nodes.get(0), nodes, 3_000);
      assertThat(race.finishAndCheck(nodes)).isPositive();
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  @Test
  void racingWhileANodeJoinsAndAnotherLeavesLosesNoUpdateAndAppliesNoneTwice() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("atomic-churn", 4);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      nodes.addAll(startAll(cluster, 3));
      NodeProcess leaver = nodes.get(2);
      List<NodeProcess> racers = List.of(nodes.get(0), nodes.get(1));
      AtomicRaceCheck race = AtomicRaceCheck.startUntilStopped(nodes.get(0), racers);

      NodeProcess joiner = cluster.start(3, "PARTITIONED", 1); // returns once its ring holds every member
      nodes.add(joiner);
      awaitRing(nodes.get(0), 4);
      assertThat(leaver.send("leave")).isEqualTo("left");
      awaitRing(nodes.get(0), 3);

      assertThat(race.finishAndCheck(List.of(nodes.get(0), nodes.get(1), joiner))).isPositive();
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private static List<NodeProcess> startAll(LoopbackCluster cluster, int count) throws Exception {
    List<CompletableFuture<NodeProcess>> starts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int node = i;
      starts.add(CompletableFuture.supplyAsync(() -> cluster.start(node, "PARTITIONED", 1)));
    }
    List<NodeProcess> nodes = new ArrayList<>();
    for (CompletableFuture<NodeProcess> start : starts) {
      nodes.add(start.get(90, TimeUnit.SECONDS));
    }
    for (NodeProcess node : nodes) {
      awaitRing(node, count);
    }
    return nodes;
  }

  private static void awaitRing(NodeProcess node, int count) {
    long seen = Settled.value(() -> (long) node.send("ringMembers").split(",").length, ring -> ring == count, SETTLE);
    assertThat(seen).as("ring members on %s", node.member).isEqualTo(count);
  }
}
