package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.CacheStats;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.cluster.LoopbackNodes;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes in one JVM, each running a partitioned cache with one backup per key at the topology
 * level, raced by threads of every node with conditional writes.
 */
class ConditionalWritesTest {
  private static final int NODES = 3;
  private static final InstantSource CLOCK = InstantSource.system();
  private static final List<VelaCluster> clusterNodes = new ArrayList<>();
  private static final List<PartitionedTopology<String, String>> atomic = new ArrayList<>();

  @BeforeAll
  static void startNodes() {
    clusterNodes.addAll(LoopbackNodes.start("partitioned-conditional", NODES));
    List<CompletableFuture<PartitionedTopology<String, String>>> opening = new ArrayList<>();
    for (VelaCluster node : clusterNodes) {
      opening.add(CompletableFuture.supplyAsync(() -> open(node, "atomic")));
    }
    opening.forEach(open -> atomic.add(open.join()));
  }

  static PartitionedTopology<String, String> open(VelaCluster node, String name) {
    CacheConfig config = new CacheConfig(name, Backend.MEMORY, Map.of(), Topology.PARTITIONED, Map.of("backups", "1"),
        Durations.INFINITE, -1, EvictionPolicy.TTL_ONLY, true, Duration.ofSeconds(5), true, List.of("vela", "cache"),
        Durations.INFINITE, false, Duration.ofSeconds(60));
    BackendContext<String, String> context = new BackendContext<>(
        config, new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), CLOCK, (key, value, cause) -> {}, error -> {});
    MemoryBackend<String, String> backend = MemoryBackend.unbounded(CLOCK, (key, value, cause) -> {});
    return PartitionedTopology.open(context, backend, () -> CacheStats.EMPTY, node);
  }

  @AfterAll
  static void stopNodes() {
    atomic.forEach(PartitionedTopology::close);
    clusterNodes.forEach(VelaCluster::close);
  }

  @Test
  void compareAndSetIncrementsFromEveryNodeEndWithTheExactTotal() throws Exception {
    int threadsPerNode = 2;
    int increments = 150;
    List<String> keys = List.of("count-1", "count-2", "count-3");
    List<CompletableFuture<Void>> racers = new ArrayList<>();
    for (PartitionedTopology<String, String> node : atomic) {
      for (int t = 0; t < threadsPerNode; t++) {
        racers.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < increments; i++) {
            increment(node, keys.get(i % keys.size()));
          }
        }));
      }
    }
    CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

    long expectedPerKey = (long) NODES * threadsPerNode * increments / keys.size();
    for (PartitionedTopology<String, String> node : atomic) {
      for (String key : keys) {
        assertThat(node.get(key)).as("%s on %s", key, node.node()).isEqualTo(Long.toString(expectedPerKey));
      }
    }
  }

  /** Adds one to the number under {@code key}: reads it, then writes only if it is still that number. */
  private static void increment(PartitionedTopology<String, String> node, String key) {
    StoredEntry<String> seen = node.entry(key);
    while (true) {
      long next = seen == null ? 1 : Long.parseLong(seen.value()) + 1;
      WriteCondition<String> unchanged = seen == null ? WriteCondition.absent() : WriteCondition.valueEquals(seen.value());
      WriteResult<String> result = node.write(key, unchanged, put(Long.toString(next)));
      if (result.applied()) {
        return;
      }
      seen = result.previous(); // what the owner holds now: no second read needed
    }
  }

  @Test
  void eachClaimHasExactlyOneWinnerAcrossNodes() throws Exception {
    int claims = 60;
    Map<String, String> winners = new ConcurrentHashMap<>();
    AtomicInteger wins = new AtomicInteger();
    List<CompletableFuture<Void>> claimants = new ArrayList<>();
    for (PartitionedTopology<String, String> node : atomic) {
      for (int t = 0; t < 2; t++) {
        String claimant = node.node() + "/" + t;
        claimants.add(CompletableFuture.runAsync(() -> {
          for (int c = 0; c < claims; c++) {
            if (node.write("claim-" + c, WriteCondition.absent(), put(claimant)).applied()) {
              wins.incrementAndGet();
              winners.put("claim-" + c, claimant);
            }
          }
        }));
      }
    }
    CompletableFuture.allOf(claimants.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

    assertThat(wins.get()).isEqualTo(claims);
    for (int c = 0; c < claims; c++) {
      for (PartitionedTopology<String, String> node : atomic) {
        assertThat(node.get("claim-" + c)).isEqualTo(winners.get("claim-" + c));
      }
    }
  }

  @Test
  void aWriteWhoseConditionFailsChangesNothingAndReportsWhatIsThere() {
    PartitionedTopology<String, String> writer = atomic.get(1);
    writer.put("cas", "one", StoredEntry.NO_EXPIRY, Set.of("t"));

    WriteResult<String> wrong = writer.write("cas", WriteCondition.valueEquals("two"), put("three"));
    assertThat(wrong.applied()).isFalse();
    assertThat(wrong.previous().value()).isEqualTo("one");
    assertThat(atomic.get(2).get("cas")).isEqualTo("one");

    WriteResult<String> right = writer.write("cas", WriteCondition.valueEquals("one"),
        new EntryUpdate.Put<>("two", StoredEntry.NO_EXPIRY, Set.of(), false, true));
    assertThat(right.applied()).isTrue();
    assertThat(atomic.get(0).entry("cas").value()).isEqualTo("two");
    assertThat(atomic.get(0).entry("cas").tags()).containsExactly("t"); // kept, as the update asked

    assertThat(writer.write("cas", WriteCondition.present(), EntryUpdate.delete()).applied()).isTrue();
    assertThat(atomic.get(2).get("cas")).isNull();
    assertThat(writer.write("cas", WriteCondition.present(), EntryUpdate.delete()).applied()).isFalse();
  }

  private static EntryUpdate<String> put(String value) {
    return EntryUpdate.put(value, StoredEntry.NO_EXPIRY, Set.of());
  }
}
