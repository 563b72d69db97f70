package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three JVMs write the same keys at once, with one backup per key. A write from a
 * third node reaches the backup a network hop later than the owner's own write of the same key,
 * so copies cross on their way. Backups must still end with what their owner holds: when a node is
 * killed, the backups promoted in its place serve exactly the values their owners served.
 */
class MultiJvmVersionedBackupsTest {
  private static final int KEYS = 3000;
  private static final Duration SETTLE = Duration.ofSeconds(45);

  @Test
  void promotedBackupsServeWhatTheOwnerServedAfterConcurrentWrites() throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("versioned", 3);
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      List<CompletableFuture<NodeProcess>> starts = new ArrayList<>();
      for (int i = 0; i < cluster.ports().length; i++) {
        int node = i;
        starts.add(CompletableFuture.supplyAsync(() -> cluster.start(node, "PARTITIONED", 1)));
      }
      for (CompletableFuture<NodeProcess> start : starts) {
        nodes.add(start.get(90, TimeUnit.SECONDS));
      }
      for (NodeProcess node : nodes) {
        awaitMembers(node, 3);
      }

      // every node writes every key, in the same order at about the same pace, each with its own values
      List<CompletableFuture<String>> writers = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        NodeProcess node = nodes.get(i);
        String prefix = "n" + i + "-";
        writers.add(CompletableFuture.supplyAsync(() -> node.send("putRange 0 " + KEYS + " " + prefix)));
      }
      for (CompletableFuture<String> writer : writers) {
        writer.get(120, TimeUnit.SECONDS);
      }
      NodeProcess survivor = nodes.get(0);
      long servedByOwners = hash(survivor.send("digest " + KEYS));
      assertThat(hash(nodes.get(1).send("digest " + KEYS))).isEqualTo(servedByOwners);

      nodes.get(2).kill();
      awaitMembers(survivor, 2);
      awaitMembers(nodes.get(1), 2);
      // reads may fail until the survivors have followed the view; then the killed node's keys come from their backups
      long servedAfterCrash = Settled.value(() -> hash(survivor.send("digest " + KEYS)), any -> true, SETTLE);
      assertThat(servedAfterCrash)
          .as("the backups promoted for the killed node hold what it served")
          .isEqualTo(servedByOwners);
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  /** The hash part of a {@code digest} answer (the count after it is this node's own share). */
  private static long hash(String digest) {
    return Long.parseLong(digest.split(" ")[0], 16);
  }

  private static void awaitMembers(NodeProcess node, int count) {
    Settled.value(() -> (long) node.send("members").split(",").length, seen -> seen == count, SETTLE);
  }
}
