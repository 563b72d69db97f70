package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.config.CacheConfig;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Near caches stay coherent through conditional writes and bulk calls: two simulated nodes, each
 * with its own L1, share one L2; a write that applies on one node leaves no stale value in either
 * L1, and the condition is judged by the L2, never by what an L1 holds.
 */
class NearCacheConditionalWritesTest {
  private final ManualClock clock = new ManualClock();
  private final SharedL2 l2 = new SharedL2(clock);
  private final NearCacheTopologyTest.CountingL1 countsA = new NearCacheTopologyTest.CountingL1();
  private final NearCacheTopology<String, String> nodeA = near(l2.node("a"), countsA);
  private final NearCacheTopology<String, String> nodeB = near(l2.node("b"), new NearCacheTopologyTest.CountingL1());

  private NearCacheTopology<String, String> near(SharedL2.Node node, L1Counter counter) {
    CacheConfig config = TestCaches.strings("near-conditional", clock)
        .nearCache(true)
        .nearCacheL1Ttl(Duration.ofSeconds(60))
        .config();
    return NearCacheTopology.wrap(config, node, clock, counter);
  }

  private static EntryUpdate<String> put(String value) {
    return EntryUpdate.put(value, StoredEntry.NO_EXPIRY, Set.of());
  }

  /** Fills both L1s with the value of {@code key}. */
  private void readOnBothNodes(String key, String expected) {
    assertThat(nodeA.get(key)).isEqualTo(expected);
    assertThat(nodeB.get(key)).isEqualTo(expected);
    assertThat(nodeA.l1Entries()).isPositive();
    assertThat(nodeB.l1Entries()).isPositive();
  }

  @Test
  void eachAppliedConditionalWriteLeavesNoStaleValueInAnyL1() {
    nodeA.put("k", "v1", StoredEntry.NO_EXPIRY, Set.of());

    readOnBothNodes("k", "v1");
    assertThat(nodeA.write("k", WriteCondition.valueEquals("v1"), put("v2")).applied()).isTrue();
    readOnBothNodes("k", "v2");
    assertThat(nodeB.write("k", WriteCondition.present(), put("v3")).applied()).isTrue();
    readOnBothNodes("k", "v3");
    assertThat(nodeA.write("k", WriteCondition.always(), new EntryUpdate.Expire<>(clock.millis() + 5_000)).applied())
        .isTrue();
    readOnBothNodes("k", "v3");
    assertThat(nodeB.write("k", WriteCondition.valueEquals("v3"), EntryUpdate.delete()).applied()).isTrue();
    assertThat(nodeA.get("k")).isNull();
    assertThat(nodeB.get("k")).isNull();
    assertThat(nodeA.write("k", WriteCondition.absent(), put("v4")).applied()).isTrue();
    readOnBothNodes("k", "v4");
  }

  @Test
  void theConditionIsJudgedByTheL2NotByAStaleL1() {
    nodeA.put("k", "v1", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeA.get("k")).isEqualTo("v1");
    // behind both near caches, so node A's L1 still holds v1
    l2.backend.put("k", "v2", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeA.get("k")).as("the stale L1").isEqualTo("v1");

    WriteResult<String> refused = nodeA.write("k", WriteCondition.valueEquals("v1"), put("v3"));
    assertThat(refused.applied()).isFalse();
    assertThat(refused.previous().value()).isEqualTo("v2");

    assertThat(nodeA.write("k", WriteCondition.valueEquals("v2"), put("v3")).applied()).isTrue();
    assertThat(nodeA.get("k")).isEqualTo("v3");
  }

  @Test
  void getAllTakesL1HitsAndReadsTheRestFromTheL2() {
    nodeA.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());
    nodeA.put("b", "2", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(nodeA.get("a")).isEqualTo("1");
    int hitsBefore = countsA.hits.get();
    int missesBefore = countsA.misses.get();

    Map<String, String> found = nodeA.getAll(List.of("a", "b", "none"));

    assertThat(found).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(countsA.hits.get() - hitsBefore).as("L1 hits").isEqualTo(1);
    assertThat(countsA.misses.get() - missesBefore).as("L1 misses").isEqualTo(2);
  }

  @Test
  void deleteAllLeavesNoStaleValueInAnyL1() {
    nodeA.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());
    nodeA.put("b", "2", StoredEntry.NO_EXPIRY, Set.of());
    readOnBothNodes("a", "1");
    readOnBothNodes("b", "2");

    assertThat(nodeB.deleteAll(List.of("a", "b", "none"))).isEqualTo(2);

    assertThat(nodeA.getAll(List.of("a", "b"))).isEmpty();
    assertThat(nodeA.get("a")).isNull();
    assertThat(nodeB.get("b")).isNull();
  }

  @Test
  void compareAndSetLoopsOnTwoNodesLoseNoUpdateAndBothL1sEndCurrent() throws Exception {
    nodeA.put("counter", "0", StoredEntry.NO_EXPIRY, Set.of());
    List<NearCacheTopology<String, String>> nodes = List.of(nodeA, nodeB, nodeA, nodeB);
    int rounds = 1_000;

    Concurrently.run(nodes.size(), Duration.ofSeconds(60), thread -> {
      NearCacheTopology<String, String> node = nodes.get(thread);
      for (int i = 0; i < rounds; i++) {
        // read through the near cache: a stale L1 value only makes the write fail and retry
        String seen = node.get("counter");
        while (true) {
          String next = Long.toString(Long.parseLong(seen) + 1);
          WriteResult<String> result = node.write("counter", WriteCondition.valueEquals(seen), put(next));
          if (result.applied()) {
            break;
          }
          seen = result.previous().value();
        }
      }
    });

    String total = Long.toString((long) nodes.size() * rounds);
    assertThat(nodeA.get("counter")).isEqualTo(total);
    assertThat(nodeB.get("counter")).isEqualTo(total);
  }
}
