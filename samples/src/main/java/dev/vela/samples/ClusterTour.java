package dev.vela.samples;

import dev.vela.CrossSlotException;
import dev.vela.cluster.VelaCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second part of the tour: two nodes of a partitioned cache in this one JVM, talking JGroups
 * over loopback. In production each node is its own JVM, configured by {@code topologyOpts}.
 */
final class ClusterTour {
  /** Enough keys that both nodes own some, whatever the ring; a bound so the loop always ends. */
  private static final int MAX_KEYS = 64;

  private ClusterTour() {}

  static void run() throws IOException {
    Logger.getLogger("org.jgroups").setLevel(Level.WARNING);
    int first = freePort();
    int second = freePort();
    String hosts = "127.0.0.1[" + first + "],127.0.0.1[" + second + "]";
    try (VelaCluster nodeA = node(first, hosts);
        VelaCluster nodeB = node(second, hosts);
        StockCache stockA = VelaStockCache.builder().cluster(nodeA).create();
        StockCache stockB = VelaStockCache.builder().cluster(nodeB).create()) {
      System.out.println("two nodes on loopback: " + nodeA.members());
      // The ring depends on the members' addresses, which change from run to run: six keys may all
      // fall to one node. Writing on until each node owns one lets the batch below span both.
      int written = 0;
      while (written < 6 || (!eachHoldsSome(stockA, stockB) && written < MAX_KEYS)) {
        written++;
        stockA.put("SKU-" + written, written * 10);
      }
      System.out.println(written + " entries written on node A; node B reads SKU-4 -> "
          + stockB.get("SKU-4").orElse(-1));
      System.out.println("size() over the cluster: " + stockB.size() + "; node A holds " + stockA.local().size()
          + ", node B holds " + stockB.local().size());
      Map<String, Integer> batch = new LinkedHashMap<>();
      for (int i = 1; i <= written; i++) {
        batch.put("SKU-" + i, 0);
      }
      try {
        stockA.putAll(batch);
      } catch (CrossSlotException e) {
        System.out.println("putAll over keys of both nodes is refused: " + e.getMessage());
      }
    }
  }

  private static boolean eachHoldsSome(StockCache nodeA, StockCache nodeB) {
    return nodeA.local().size() > 0 && nodeB.local().size() > 0;
  }

  private static VelaCluster node(int port, String hosts) {
    return VelaCluster.builder()
        .clusterName("tour")
        .bindAddr("127.0.0.1")
        .port(port)
        .initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500))
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
