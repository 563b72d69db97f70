package dev.vela.cluster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes, each in a network namespace of its own (see {@link Namespaces}; skipped, saying
 * why, where the machine cannot make them). One node's link is cut: both sides go on serving and
 * writing on their own, the minority node its own writes and what it held before. When the link is
 * back and the views have merged, every node reads every key with its last writer's value: a key
 * written on one side only with that side's, and a key both sides wrote with the value of the side
 * that wrote it last, although the two sides never saw each other's write. So the majority loses
 * no acknowledged write (the minority wrote its keys first).
 *
 * <p>A REPLICATED minority holds a full copy, so it reads every key it held. A PARTITIONED one with
 * one backup owns every key on its own ring: it reads the keys it held a copy of (as owner or
 * backup) with their values of before the cut and the rest as absent, and never a value the
 * majority wrote meanwhile, while the majority, which holds a copy of every key, reads them all.
 */
class NamespacePartitionTest {
  private static final int KEYS = 20;
  /** Keys 15 and up are written only before the cut: enough that the minority holds some and misses some. */
  private static final int PARTITIONED_KEYS = 45;
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(90);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aReplicatedCacheConvergesToTheLastWriterOfEveryKeyAfterAPartitionHeals() throws Exception {
    StringBuilder whyNot = new StringBuilder();
    try (Namespaces net = Namespaces.create(3, whyNot)) {
      Assumptions.assumeTrue(net != null, () -> "skipped: " + whyNot);
      String cluster = "netns-" + Long.toHexString(System.nanoTime());
      Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
      String hosts = net.address(0) + "[7800]," + net.address(1) + "[7800]," + net.address(2) + "[7800]";
      List<FaultNode> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(FaultNode.launch("node" + i, log, net.runner(i), List.of(), "REPLICATED", List.of(
              "cluster=" + cluster, "bindAddr=" + net.address(i), "port=7800", "initialHosts=" + hosts,
              "joinTimeout=1s", "rpcTimeout=3s")));
        }
        for (FaultNode node : nodes) {
          node.awaitStarted();
        }
        for (FaultNode node : nodes) {
          awaitMembers(node, 3);
        }
        nodes.get(0).send("putRange 0 " + KEYS + " before");

        net.cut(2);
        awaitMembers(nodes.get(0), 2);
        awaitMembers(nodes.get(1), 2);
        awaitMembers(nodes.get(2), 1);
        // the minority writes keys 0..9, then the majority keys 5..14: the majority is the last writer of 5..9
        nodes.get(2).send("putRange 0 10 minority");
        nodes.get(0).send("putRange 5 15 majority");
        assertThat(nodes.get(2).send("missing 0 10 minority")).as("the minority reads its own writes").isEqualTo("0");
        assertThat(nodes.get(2).send("missing 10 " + KEYS + " before"))
            .as("the minority still serves what it held before the cut").isEqualTo("0");
        assertThat(nodes.get(1).send("missing 5 15 majority")).isEqualTo("0");

        net.heal(2);
        for (FaultNode node : nodes) {
          awaitMembers(node, 3);
        }
        for (FaultNode node : nodes) {
          awaitValues(node, "k0..4 minority", 0, 5, "minority");
          awaitValues(node, "k5..9 majority (written on both sides, the majority last)", 5, 10, "majority");
          awaitValues(node, "k10..14 majority", 10, 15, "majority");
          awaitValues(node, "k15..19 before", 15, KEYS, "before");
        }
        // once every node has read them all, none may change any more: a merge copy still on its way
        // carrying an older write would otherwise go unnoticed
        for (FaultNode node : nodes) {
          assertThat(List.of(node.send("missing 0 5 minority"), node.send("missing 5 15 majority"),
                  node.send("missing 15 " + KEYS + " before")))
              .as("%s still reads every key with its last writer's value", node.member())
              .containsOnly("0");
        }
      } finally {
        for (FaultNode node : nodes) {
          node.close();
        }
      }
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aPartitionedCacheWithABackupLosesNoWriteOfTheMajorityAndItsMinorityServesWhatItHeld() throws Exception {
    StringBuilder whyNot = new StringBuilder();
    try (Namespaces net = Namespaces.create(3, whyNot)) {
      Assumptions.assumeTrue(net != null, () -> "skipped: " + whyNot);
      String cluster = "netns-p-" + Long.toHexString(System.nanoTime());
      Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
      String hosts = net.address(0) + "[7800]," + net.address(1) + "[7800]," + net.address(2) + "[7800]";
      List<FaultNode> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(FaultNode.launch("node" + i, log, net.runner(i), List.of(), "PARTITIONED", List.of(
              "cluster=" + cluster, "bindAddr=" + net.address(i), "port=7800", "initialHosts=" + hosts,
              "joinTimeout=1s", "rpcTimeout=3s", "failureTimeout=2s", "backups=1")));
        }
        for (FaultNode node : nodes) {
          node.awaitStarted();
        }
        for (FaultNode node : nodes) {
          awaitMembers(node, 3);
        }
        nodes.get(0).send("putRange 0 " + PARTITIONED_KEYS + " before");
        for (FaultNode node : nodes) {
          awaitValues(node, "every key before the cut", 0, PARTITIONED_KEYS, "before");
        }

        net.cut(2);
        awaitMembers(nodes.get(0), 2);
        awaitMembers(nodes.get(1), 2);
        awaitMembers(nodes.get(2), 1);
        FaultNode minority = nodes.get(2);
        // what the minority serves alone: the keys it held a copy of, with their values of before
        int held = Integer.parseInt(minority.send("count 15 " + PARTITIONED_KEYS + " before"));
        int absent = Integer.parseInt(minority.send("absent 15 " + PARTITIONED_KEYS));
        System.out.printf("partitioned minority: of %d keys written before the cut it reads %d, %d absent%n",
            PARTITIONED_KEYS - 15, held, absent);
        assertThat(held + absent).as("keys the minority reads as before or absent, never otherwise")
            .isEqualTo(PARTITIONED_KEYS - 15);
        assertThat(held).as("keys it held a copy of (about two in three)").isPositive();
        assertThat(absent).as("keys whose owner and backup are both across the cut (about one in three)").isPositive();

        // the minority writes keys 0..9, then the majority keys 5..14: the majority is the last writer of 5..9
        minority.send("putRange 0 10 minority");
        nodes.get(0).send("putRange 5 15 majority");
        assertThat(minority.send("missing 0 10 minority")).as("the minority reads its own writes").isEqualTo("0");
        assertThat(minority.send("count 10 15 majority")).as("the minority never sees the majority's writes")
            .isEqualTo("0");
        for (FaultNode node : nodes.subList(0, 2)) {
          assertThat(List.of(node.send("missing 5 15 majority"), node.send("missing 15 " + PARTITIONED_KEYS + " before")))
              .as("%s, on the majority side, reads its side's writes and every key of before", node.member())
              .containsOnly("0");
        }

        net.heal(2);
        for (FaultNode node : nodes) {
          awaitMembers(node, 3);
        }
        for (FaultNode node : nodes) {
          awaitValues(node, "k0..4 minority", 0, 5, "minority");
          awaitValues(node, "k5..14 majority (5..9 written on both sides, the majority last)", 5, 15, "majority");
          awaitValues(node, "k15.. before", 15, PARTITIONED_KEYS, "before");
        }
        for (FaultNode node : nodes) {
          assertThat(List.of(node.send("missing 0 5 minority"), node.send("missing 5 15 majority"),
                  node.send("missing 15 " + PARTITIONED_KEYS + " before")))
              .as("%s still reads every key with its last writer's value", node.member())
              .containsOnly("0");
        }
      } finally {
        for (FaultNode node : nodes) {
          node.close();
        }
      }
    }
  }

  private static void awaitMembers(FaultNode node, int count) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = node.send("members");
      if (seen.split(",").length == count) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // polling the node, with a deadline
    }
    throw new AssertionError(node.member() + " sees members " + seen + ", not " + count + " of them");
  }

  /** Waits until keys kFROM..kTO-1 read PREFIX+N on {@code node}: a merge settles asynchronously. */
  private static void awaitValues(FaultNode node, String what, int from, int to, String prefix) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    String missing = "";
    while (System.nanoTime() < deadline) {
      missing = node.send("missing " + from + " " + to + " " + prefix);
      if (missing.equals("0")) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    StringBuilder values = new StringBuilder();
    for (int n = from; n < to; n++) {
      values.append(" k").append(n).append('=').append(node.send("get k" + n));
    }
    throw new AssertionError(node.member() + " reads " + missing + " of " + what + " otherwise after the merge:" + values);
  }
}
