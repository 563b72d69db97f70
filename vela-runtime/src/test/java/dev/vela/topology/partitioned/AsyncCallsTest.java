package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.CacheStats;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The non-blocking reads of a partitioned cache on two nodes: each completes with what the blocking
 * read returns, and many calls under way at once to one node share network messages.
 */
class AsyncCallsTest {
  private static final InstantSource CLOCK = InstantSource.system();
  private static final List<VelaCluster> nodes = new ArrayList<>();
  private static final List<PartitionedTopology<String, String>> topologies = new ArrayList<>();
  private static PartitionedTopology<String, String> caller;

  @BeforeAll
  static void startNodes() {
    nodes.addAll(LoopbackNodes.start("partitioned-async", 2));
    List<CompletableFuture<PartitionedTopology<String, String>>> opening = new ArrayList<>();
    for (VelaCluster node : nodes) {
      opening.add(CompletableFuture.supplyAsync(() -> open(node)));
    }
    opening.forEach(open -> topologies.add(open.join()));
    caller = topologies.get(0);
  }

  private static PartitionedTopology<String, String> open(VelaCluster node) {
    CacheConfig config = new CacheConfig("async", Backend.MEMORY, Map.of(), Topology.PARTITIONED, Map.of(),
        Durations.INFINITE, -1, EvictionPolicy.TTL_ONLY, true, Duration.ofSeconds(5), true, List.of("vela", "cache"),
        Durations.INFINITE, false, Duration.ofSeconds(60));
    BackendContext<String, String> context = new BackendContext<>(
        config, new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), CLOCK, (key, value, cause) -> {}, error -> {});
    return PartitionedTopology.open(context, MemoryBackend.unbounded(CLOCK, (key, value, cause) -> {}),
        () -> CacheStats.EMPTY, node);
  }

  @AfterAll
  static void stopNodes() {
    topologies.forEach(PartitionedTopology::close);
    nodes.forEach(VelaCluster::close);
  }

  /** Keys named {@code prefix-i} that node {@code index} holds once written, each written with the value {@code v-key}. */
  private static List<String> keysHeldBy(int index, String prefix, int count) {
    List<String> held = new ArrayList<>();
    for (int i = 0; held.size() < count && i < 10_000; i++) {
      String key = prefix + "-" + i;
      caller.put(key, "v-" + key, Long.MAX_VALUE, Set.of("t"));
      if (topologies.get(index).localBackend().get(key) != null) {
        held.add(key);
      }
    }
    return held;
  }

  @Test
  void asyncReadsCompleteWithWhatTheBlockingReadsReturn() throws Exception {
    List<String> keys = keysHeldBy(1, "async", 3);
    caller.put(keys.get(0), "zero", Long.MAX_VALUE, Set.of("t"));
    caller.put(keys.get(1), "one", Long.MAX_VALUE, Set.of());
    caller.delete(keys.get(2));

    assertThat(caller.getAsync(keys.get(0)).get(10, TimeUnit.SECONDS)).isEqualTo("zero");
    assertThat(caller.getAsync(keys.get(2)).get(10, TimeUnit.SECONDS)).isNull();
    assertThat(caller.entryAsync(keys.get(0)).get(10, TimeUnit.SECONDS).tags()).containsExactly("t");
    String own = keysHeldBy(0, "own", 1).get(0);
    caller.put(own, "here", Long.MAX_VALUE, Set.of());
    assertThat(caller.getAllAsync(List.of(keys.get(1), own, keys.get(2), keys.get(0))).get(10, TimeUnit.SECONDS))
        .containsExactly(Map.entry(keys.get(1), "one"), Map.entry(own, "here"), Map.entry(keys.get(0), "zero"));
  }

  @Test
  void manyCallsUnderWayAtOnceShareMessagesAndEachGetsItsOwnAnswer() throws Exception {
    List<String> keys = keysHeldBy(1, "many", 64);
    VelaCluster sender = nodes.get(0);
    long framesBefore = sender.framesSent();
    long entriesBefore = sender.callsAndRepliesSent();

    List<CompletableFuture<String>> reads = keys.stream().map(caller::getAsync).toList();

    for (int i = 0; i < keys.size(); i++) {
      assertThat(reads.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("v-" + keys.get(i));
    }
    long calls = sender.callsAndRepliesSent() - entriesBefore;
    long frames = sender.framesSent() - framesBefore;
    assertThat(calls).isGreaterThanOrEqualTo(keys.size());
    assertThat(frames).as("messages for " + calls + " calls").isLessThan(calls);
  }
}
