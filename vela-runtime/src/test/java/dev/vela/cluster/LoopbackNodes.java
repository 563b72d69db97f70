package dev.vela.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Cluster nodes in this JVM on loopback, listing each other, for tests that run caches on several nodes. */
public final class LoopbackNodes {
  private LoopbackNodes() {}

  /**
   * Starts {@code count} nodes of the cluster {@code clusterName} on free loopback ports, with a short
   * join timeout and a 5 s rpcTimeout, and returns once the first node's view holds all of them.
   */
  public static List<VelaCluster> start(String clusterName, int count) {
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      ports[i] = FreePorts.next();
    }
    List<VelaCluster> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(VelaCluster.builder()
          .clusterName(clusterName)
          .port(ports[i])
          .initialHosts(FreePorts.loopbackHosts(ports))
          .joinTimeout(Duration.ofMillis(500))
          .rpcTimeout(Duration.ofSeconds(5))
          .start());
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(count), Duration.ofSeconds(30));
    return nodes;
  }
}
