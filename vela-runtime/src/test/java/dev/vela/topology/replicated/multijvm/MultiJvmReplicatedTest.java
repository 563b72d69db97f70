package dev.vela.topology.replicated.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.topology.partitioned.multijvm.LoopbackCluster;
import dev.vela.topology.partitioned.multijvm.NodeProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A replicated cache on three JVMs over loopback: all three write the same keys at once, and end with equal copies. */
class MultiJvmReplicatedTest {
  private static final int KEYS = 200;
  private static final int WRITES_PER_NODE = 1_500;

  @Test
  void threeNodesHammeringOneKeySetEndWithIdenticalCopies() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("replicated", 3);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      nodes.add(cluster.start(0, "REPLICATED", 0));
      nodes.get(0).send("putRange 0 " + KEYS);
      nodes.add(cluster.start(1, "REPLICATED", 0));
      nodes.add(cluster.start(2, "REPLICATED", 0));
      for (NodeProcess node : nodes) {
        assertThat(node.send("digest " + KEYS)).endsWith(" " + KEYS); // the later two received the contents
      }

      List<CompletableFuture<String>> hammers = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        NodeProcess node = nodes.get(i);
        String command = "hammer " + (i + 1) + " " + WRITES_PER_NODE + " " + KEYS;
        hammers.add(CompletableFuture.supplyAsync(() -> node.send(command)));
      }
      for (CompletableFuture<String> hammer : hammers) {
        hammer.get(120, TimeUnit.SECONDS);
      }

      String digest = nodes.get(0).send("digest " + KEYS);
      assertThat(digest).doesNotEndWith(" " + KEYS); // the deletes left some keys empty
      for (NodeProcess node : nodes) {
        assertThat(node.send("digest " + KEYS)).as("copy on %s", node.member).isEqualTo(digest);
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }
}
