package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three nodes in one JVM running a partitioned cache with one backup per key. */
class BackupsTest {
  private static final int NODES = 3;
  private static final List<VelaCluster> clusterNodes = new ArrayList<>();
  private static final List<Cache<String, String>> caches = new ArrayList<>();

  @BeforeAll
  static void startNodes() {
    StringBuilder hosts = new StringBuilder();
    int[] ports = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      ports[i] = FreePorts.next();
      hosts.append(i == 0 ? "" : ",").append("127.0.0.1[").append(ports[i]).append(']');
    }
    for (int i = 0; i < NODES; i++) {
      clusterNodes.add(VelaCluster.builder()
          .clusterName("partitioned-backups")
          .port(ports[i])
          .initialHosts(hosts.toString())
          .joinTimeout(Duration.ofMillis(500))
          .rpcTimeout(Duration.ofSeconds(5))
          .start());
    }
    clusterNodes.get(0).awaitMembers(new RequiredMembers.Count(NODES), Duration.ofSeconds(30));
    for (VelaCluster node : clusterNodes) {
      caches.add(PartitionedCacheTest.builder(node).option("backups", "1").create());
    }
  }

  @AfterAll
  static void stopNodes() {
    caches.forEach(Cache::close);
    clusterNodes.forEach(VelaCluster::close);
  }

  @Test
  void eachKeyLivesOnItsOwnerAndOneBackupAndIsCountedOnce() {
    for (int i = 0; i < 300; i++) {
      caches.get(i % NODES).put("k" + i, "v" + i, i % 3 == 0 ? PutOptions.tags("third") : PutOptions.defaults());
    }
    assertThat(caches.get(0).size()).isEqualTo(300);
    assertThat(copiesSettleAt(600)).isEqualTo(600);
    assertThat(caches.get(1).export()).hasSize(300);
    assertThat(caches.get(2).inspect().details()).containsEntry("topology.backups", "1");

    assertThat(caches.get(1).delete("k1")).isTrue();
    assertThat(copiesSettleAt(598)).isEqualTo(598);
    assertThat(caches.get(2).invalidateTag("third")).isEqualTo(100);
    assertThat(copiesSettleAt(398)).isEqualTo(398);
  }

  /** Entries held over all nodes once they reach {@code expected}, or after a deadline: copies land just after a write. */
  private static long copiesSettleAt(long expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long held;
    do {
      held = caches.stream().mapToLong(cache -> cache.local().size()).sum();
    } while (held != expected && System.nanoTime() < deadline);
    return held;
  }
}
