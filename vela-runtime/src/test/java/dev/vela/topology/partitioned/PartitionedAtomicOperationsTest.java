package dev.vela.topology.partitioned;

import dev.vela.Cache;
import dev.vela.annotation.Topology;
import dev.vela.cluster.LoopbackCaches;
import dev.vela.core.AtomicOperationsContract;
import dev.vela.testing.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The atomic operations contract on a PARTITIONED cache of three nodes in this JVM, with one backup
 * per key. The suite's cache is the last node's, so most keys live on other nodes and their writes
 * travel to their owners.
 */
class PartitionedAtomicOperationsTest extends AtomicOperationsContract {
  private static LoopbackCaches nodes;

  @BeforeAll
  static void startNodes() {
    nodes = LoopbackCaches.start("partitioned-atomic", Topology.PARTITIONED, Map.of("backups", "1"));
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
  protected int rounds() {
    return 300; // each conditional write is a round trip to the owner, and a copy to the backup
  }

  @AfterEach
  void closeTheOtherNodes() {
    if (cache != null) {
      cache.close();
    }
    nodes.closeOthers();
  }
}
