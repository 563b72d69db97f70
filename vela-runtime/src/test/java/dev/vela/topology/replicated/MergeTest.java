package dev.vela.topology.replicated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.CacheEntry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.NetworkFaults;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes that each ran the cache alone (as the halves of a split cluster do) and then see each
 * other: each takes the other's contents, and both end with the last writer of every key. Once
 * for two clusters that find each other, once for one running cluster split in two and healed;
 * and a near cache's L1, which may have missed invalidations while split, is cleared by the merge.
 */
class MergeTest {
  /** A split is seen after the failure detector's 10 s timeout; generous for a loaded machine. */
  private static final Duration SPLIT_OR_HEAL = Duration.ofSeconds(60);

  @Test
  void twoCopiesWrittenApartConvergeWhenTheirNodesMerge() {
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    // B knows only itself, so it starts a cluster of its own; A's merge protocol finds it later
    try (VelaCluster nodeA = node(portA, FreePorts.loopbackHosts(portA, portB));
         VelaCluster nodeB = node(portB, FreePorts.loopbackHosts(portB));
         Cache<String, String> a = cache(nodeA, Instant.now());
         Cache<String, String> b = cache(nodeB, Instant.now().plus(Duration.ofHours(1)))) {
      assertThat(nodeB.members()).hasSize(1);
      a.put("only-a", "a");
      a.put("both", "from a");
      a.put("deleted-later", "a");
      b.put("only-b", "b");
      b.put("both", "from b, later"); // B's clock runs ahead, so its stamp is later: it wins on both sides
      b.delete("deleted-later");

      nodeA.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(60));
      nodeB.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(60));
      Map<String, String> expected = Map.of("only-a", "a", "only-b", "b", "both", "from b, later");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(contents(a).equals(expected) && contents(b).equals(expected)) && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(contents(a)).isEqualTo(expected);
      assertThat(contents(b)).isEqualTo(expected);

      a.put("after-merge", "x"); // the merged nodes are each other's replicas again
      assertThat(b.get("after-merge")).contains("x");
    }
  }

  @Test
  void replicasWrittenOnBothSidesOfASplitConvergeOnceItHeals() {
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(portA, portB);
    try (VelaCluster nodeA = node(portA, hosts);
         VelaCluster nodeB = node(portB, hosts)) {
      nodeA.awaitMembers(new RequiredMembers.Count(2), SPLIT_OR_HEAL);
      try (Cache<String, String> a = cache(nodeA, Instant.now());
           Cache<String, String> b = cache(nodeB, Instant.now().plus(Duration.ofHours(1)))) {
        a.put("before", "x");
        a.put("both", "from a, before");
        assertThat(b.get("before")).contains("x");

        Runnable heal = NetworkFaults.split(nodeA, nodeB);
        await("the cluster splits in two", () -> nodeA.members().size() == 1 && nodeB.members().size() == 1);
        a.put("only-a", "a");
        a.put("both", "from a, during");
        b.put("only-b", "b");
        b.put("both", "from b, during"); // B's clock runs ahead, so its stamp is later: it wins on both sides
        b.delete("before");
        assertThat(contents(a)).containsEntry("before", "x").doesNotContainKey("only-b");
        assertThat(contents(b)).doesNotContainKey("before").doesNotContainKey("only-a");

        heal.run();
        Map<String, String> expected = Map.of("only-a", "a", "only-b", "b", "both", "from b, during");
        await("the halves merge and their replicas converge",
            () -> nodeA.members().size() == 2 && contents(a).equals(expected) && contents(b).equals(expected));
        assertThat(contents(a)).isEqualTo(expected);
        assertThat(contents(b)).isEqualTo(expected);

        a.put("after", "y"); // one cluster again: a write reaches both replicas before it returns
        assertThat(b.get("after")).contains("y");
      }
    }
  }

  @Test
  void theMergeAfterASplitClearsTheNearCachesL1() {
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(portA, portB);
    try (VelaCluster nodeA = node(portA, hosts);
         VelaCluster nodeB = node(portB, hosts)) {
      nodeA.awaitMembers(new RequiredMembers.Count(2), SPLIT_OR_HEAL);
      try (Cache<String, String> a = builder(nodeA, Instant.now()).nearCache(true).create();
           Cache<String, String> b = builder(nodeB, Instant.now()).nearCache(true).create()) {
        a.put("unchanged", "x");
        a.put("changed", "old");
        Runnable heal = NetworkFaults.split(nodeA, nodeB);
        await("the cluster splits in two", () -> nodeA.members().size() == 1 && nodeB.members().size() == 1);
        // the split's own view cleared a's L1: fill it again while the halves are apart
        await("a's L1 holds both keys", () -> {
          a.get("unchanged");
          a.get("changed");
          return l1Entries(a) == 2;
        });
        b.put("changed", "new"); // its invalidation cannot reach a

        heal.run();
        // "unchanged" is the same on both sides, so only the clear that a merge's view brings removes it
        await("the halves merge and a's L1 forgets what it held during the split",
            () -> nodeA.members().size() == 2 && l1Entries(a) == 0);
        await("a reads what b wrote during the split", () -> a.get("changed").equals(Optional.of("new")));
        assertThat(a.get("unchanged")).contains("x");
      }
    }
  }

  /** Waits up to {@link #SPLIT_OR_HEAL}, pausing so the network threads get a CPU. */
  private static void await(String what, BooleanSupplier condition) {
    long until = System.nanoTime() + SPLIT_OR_HEAL.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, SPLIT_OR_HEAL).isLessThan(until);
      LockSupport.parkNanos(5_000_000);
    }
  }

  private static VelaCluster node(int port, String hosts) {
    return VelaCluster.builder()
        .clusterName("replicated-merge")
        .port(port)
        .initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500))
        .rpcTimeout(Duration.ofSeconds(3))
        .start();
  }

  private static Cache<String, String> cache(VelaCluster node, Instant start) {
    return builder(node, start).create();
  }

  private static CacheBuilder<String, String, Cache<String, String>> builder(VelaCluster node, Instant start) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "merged", Backend.MEMORY, Topology.REPLICATED,
            c -> c)
        .sweepInterval(Durations.INFINITE)
        .clock(new ManualClock(start))
        .cluster(node);
  }

  private static int l1Entries(Cache<String, String> cache) {
    return Integer.parseInt(cache.inspect().details().get("nearCache.l1Entries"));
  }

  private static Map<String, String> contents(Cache<String, String> cache) {
    Map<String, String> sorted = new TreeMap<>();
    cache.local().stream().forEach((CacheEntry<String, String> entry) -> sorted.put(entry.key(), entry.value()));
    return sorted;
  }
}
