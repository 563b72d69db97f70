package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes of one JVM that list each other start on three threads at the same instant: when
 * every {@code start()} has returned, each sees all three, although JGroups alone sometimes forms
 * two clusters at first (each node that found no coordinator becoming one) and merges them seconds
 * later.
 */
class StartupFormationTest {

  @RepeatedTest(5)
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void nodesStartedTogetherSeeEachOtherWhenStartReturns() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String name = "formation-" + Long.toHexString(System.nanoTime());
    ExecutorService threads = Executors.newFixedThreadPool(ports.length);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<VelaCluster>> started = new ArrayList<>();
    for (int port : ports) {
      started.add(threads.submit(() -> {
        go.await();
        return VelaCluster.builder().clusterName(name).port(port).initialHosts(hosts)
            .joinTimeout(Duration.ofMillis(500)).start();
      }));
    }
    go.countDown();
    List<VelaCluster> nodes = new ArrayList<>();
    try {
      for (Future<VelaCluster> node : started) {
        nodes.add(node.get(50, TimeUnit.SECONDS));
      }
      for (VelaCluster node : nodes) {
        assertThat(node.members()).as("members seen by %s", node.localMember()).hasSize(ports.length);
        assertThat(node.formation()).isEqualTo("joined every node it heard of");
      }
    } finally {
      for (Future<VelaCluster> node : started) {
        if (node.isDone() && !node.isCancelled()) {
          try {
            node.get().close();
          } catch (java.util.concurrent.ExecutionException e) {
            // it did not start; the assertion above says why
          }
        }
      }
      threads.shutdownNow();
    }
  }
}
