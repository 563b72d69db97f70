package dev.vela.topology.partitioned.multijvm;

import dev.vela.cluster.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the node JVMs of one test listen and log: free loopback ports, the {@code initialHosts}
 * list naming them all, a cluster id no other test uses, and a log file under target/multi-jvm.
 *
 * @param ports one free port per node
 * @param hosts every node as {@code 127.0.0.1[port]}, comma-separated
 * @param clusterId the cluster's name, unique to this run
 * @param log the file the nodes write their output to
 */
public record LoopbackCluster(int[] ports, String hosts, String clusterId, Path log) {

  /** Plans {@code nodes} nodes of a cluster whose id starts with {@code name}. */
  public static LoopbackCluster plan(String name, int nodes) throws IOException {
    int[] ports = new int[nodes];
    Arrays.setAll(ports, i -> FreePorts.next());
    String hosts = FreePorts.loopbackHosts(ports);
    String clusterId = name + "-" + Long.toHexString(System.nanoTime());
    Path dir = Files.createDirectories(Path.of("target", "multi-jvm"));
    return new LoopbackCluster(ports, hosts, clusterId, dir.resolve("nodes-" + clusterId + ".log"));
  }

  /** Starts node {@code index} with the node program's default cache. */
  public NodeProcess start(int index) {
    return NodeProcess.start(ports[index], hosts, clusterId, log);
  }

  /** Starts node {@code index} running a cache of {@code topology} with {@code backups} per key. */
  public NodeProcess start(int index, String topology, int backups) {
    return NodeProcess.start(ports[index], hosts, clusterId, log, topology, backups);
  }
}
