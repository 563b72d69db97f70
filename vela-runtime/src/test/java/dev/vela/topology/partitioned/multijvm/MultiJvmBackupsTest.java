package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A partitioned cache with one backup per key on three JVMs: a killed node loses no key. */
class MultiJvmBackupsTest {
  private static final int KEYS = 10_000;
  private static final Duration SETTLE = Duration.ofSeconds(45);

  @Test
  void everyKeySurvivesAKilledNodeAndTheNextCrashAfterReReplication() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("backups", 3);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      NodeProcess a = cluster.start(0, "PARTITIONED", 1);
      nodes.add(a);
      CompletableFuture<NodeProcess> second =
          CompletableFuture.supplyAsync(() -> cluster.start(1, "PARTITIONED", 1));
      NodeProcess c = cluster.start(2, "PARTITIONED", 1);
      nodes.add(c);
      NodeProcess b = second.get(90, TimeUnit.SECONDS);
      nodes.add(b);
      awaitMembers(a, 3);
      awaitMembers(c, 3);

      a.send("putRange 0 " + KEYS);
      assertThat(a.number("size")).as("backup copies are not counted").isEqualTo(KEYS);
      long held = Settled.value(() -> a.number("localSize") + b.number("localSize") + c.number("localSize"),
          total -> total == 2L * KEYS, SETTLE); // copies reach the backups just after the owner confirms
      assertThat(held).as("each key on its owner and one backup").isEqualTo(2L * KEYS);

      c.kill();
      awaitMembers(a, 2);
      awaitMembers(b, 2);
      assertThat(Settled.value(() -> a.number("missing 0 " + KEYS), missing -> missing == 0, SETTLE)).isZero();
      assertThat(Settled.value(() -> b.number("missing 0 " + KEYS), missing -> missing == 0, SETTLE)).isZero();

      // the survivors copy their keys to their new backups: with two nodes, each holds every key
      Settled.value(() -> a.number("localSize") + b.number("localSize"), total -> total == 2L * KEYS, SETTLE);
      b.kill();
      awaitMembers(a, 1);
      assertThat(Settled.value(() -> a.number("missing 0 " + KEYS), missing -> missing == 0, SETTLE)).isZero();
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private static void awaitMembers(NodeProcess node, int count) {
    Settled.value(() -> (long) node.send("members").split(",").length, seen -> seen == count, SETTLE);
  }
}
