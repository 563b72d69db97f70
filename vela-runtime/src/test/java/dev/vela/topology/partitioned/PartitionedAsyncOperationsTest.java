package dev.vela.topology.partitioned;

import dev.vela.Cache;
import dev.vela.annotation.Topology;
import dev.vela.cluster.LoopbackCaches;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.testing.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The asynchronous calls on a PARTITIONED cache of three nodes in this JVM, with one backup
 * per key. The suite's cache is the last node's, so most keys live on other nodes and their writes
 * travel to their owners.
 */
class PartitionedAsyncOperationsTest extends AsyncOperationsContract {
  private static LoopbackCaches nodes;

  @BeforeAll
  static void startNodes() {
    nodes = LoopbackCaches.start("partitioned-async", Topology.PARTITIONED, Map.of("backups", "1"));
  }

  @AfterAll
  static void stopNodes() {
    nodes.close();
  }

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return nodes.open(clock);
  }

  @Override
  protected boolean waitsForNetwork() {
    return true;
  }

  @AfterEach
  void closeTheOtherNodes() {
    if (cache != null) {
      cache.close();
    }
    nodes.closeOthers();
  }
}
