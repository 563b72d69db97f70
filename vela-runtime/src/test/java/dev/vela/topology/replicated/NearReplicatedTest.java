package dev.vela.topology.replicated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM run a near-cached REPLICATED cache. The L1 keeps entries for an hour, so
 * only the change feed can make the other node's L1 let go of an old value.
 */
class NearReplicatedTest {
  private static final Duration L1_TTL = Duration.ofHours(1);
  private static final Duration CONVERGES = Duration.ofSeconds(30);
  private static ReplicatedNodes cluster;
  private static Cache<String, String> writer;
  private static Cache<String, String> reader;

  @BeforeAll
  static void start() {
    cluster = new ReplicatedNodes("near-replicated", 2, 3);
    writer = cluster.startNearCache(0, L1_TTL);
    reader = cluster.startNearCache(1, L1_TTL);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void empty() {
    writer.flush();
  }

  @Test
  void aWriteOnOneNodeEmptiesTheOtherNodesL1BeforeItReturns() {
    writer.put("k", "old");
    assertThat(reader.get("k")).contains("old");
    long hits = reader.stats().l1Hits();
    assertThat(reader.get("k")).contains("old");
    assertThat(reader.stats().l1Hits()).as("the second read is answered by the L1").isEqualTo(hits + 1);

    writer.put("k", "new");
    // a replicated write returns once every copy has applied it, and applying it invalidates the L1
    assertThat(reader.get("k")).contains("new");

    writer.delete("k");
    assertThat(reader.get("k")).isEmpty();
  }

  @Test
  void putAllFlushAndTagInvalidationReachTheOtherNodesL1() {
    writer.put("a", "1", PutOptions.tags("t"));
    writer.put("b", "2");
    assertThat(reader.get("a")).contains("1");
    assertThat(reader.get("b")).contains("2");

    writer.putAll(Map.of("a", "1b", "b", "2b"), PutOptions.tags("t"));
    assertThat(reader.get("a")).contains("1b");
    assertThat(reader.get("b")).contains("2b");

    writer.invalidateTag("t");
    assertThat(reader.get("a")).isEmpty();
    assertThat(reader.get("b")).isEmpty();

    writer.put("c", "3");
    assertThat(reader.get("c")).contains("3");
    writer.flush();
    assertThat(reader.get("c")).isEmpty();
  }

  @Test
  void aReaderNeverServesAnOldValueOnceTheWriteReturned() {
    for (int i = 0; i < 200; i++) {
      writer.put("counter", Integer.toString(i));
      assertThat(reader.get("counter")).contains(Integer.toString(i));
    }
  }

  @Test
  void aNewViewEmptiesTheL1() {
    writer.put("v", "1");
    assertThat(reader.get("v")).contains("1");
    assertThat(reader.get("v")).contains("1");
    long missesBefore = reader.stats().l1Misses();
    cluster.startNode(); // a third member without the cache: only the view changes
    long deadline = System.nanoTime() + CONVERGES.toNanos();
    boolean missed = false;
    while (!missed && System.nanoTime() < deadline) {
      assertThat(reader.get("v")).contains("1");
      missed = reader.stats().l1Misses() > missesBefore; // with the L1 kept, every read would be a hit
      LockSupport.parkNanos(1_000_000);
    }
    assertThat(missed).as("an L1 miss after the view changed, within " + CONVERGES).isTrue();
  }
}
