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
 * Three JVMs that list each other in {@code initialHosts} start at the same instant, with a short
 * {@code joinTimeout}: once every {@code create()} has returned they are one cluster, so keys put
 * on any node are read on the others at once. Repeated, because a split start shows only in some
 * runs.
 */
class SimultaneousStartTest {
  private static final int NODES = 3;
  private static final int KEYS = 300;

  @RepeatedTest(3)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void nodesStartedTogetherFormOneClusterBeforeCreateReturns() throws Exception {
    int[] ports = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      ports[i] = FreePorts.next();
    }
    String cluster = "start-" + Long.toHexString(System.nanoTime());
    Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
    List<FaultNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) { // no waiting in between: the JVMs start together
        nodes.add(FaultNode.launch("node" + i, log, List.of(), "PARTITIONED", List.of(
            "cluster=" + cluster, "port=" + ports[i], "initialHosts=" + FreePorts.loopbackHosts(ports),
            "joinTimeout=500ms", "rpcTimeout=5s")));
      }
      for (FaultNode node : nodes) {
        node.awaitStarted();
      }
      for (int i = 0; i < NODES; i++) {
        FaultNode writer = nodes.get(i);
        String prefix = "w" + i + "v";
        writer.send("putRange " + (i * KEYS) + " " + ((i + 1) * KEYS) + " " + prefix);
        for (FaultNode reader : nodes) {
          assertThat(reader.send("missing " + (i * KEYS) + " " + ((i + 1) * KEYS) + " " + prefix))
              .as("keys put on node %d that node %s does not read (its members: %s)", i, reader.member(),
                  reader.send("members"))
              .isEqualTo("0");
        }
      }
      for (FaultNode node : nodes) {
        assertThat(node.send("members").split(",")).as("members seen by %s", node.member()).hasSize(NODES);
        assertThat(node.send("detail cluster.formation")).isEqualTo("joined every node it heard of");
      }
    } finally {
      for (FaultNode node : nodes) {
        node.close();
      }
    }
  }
}
