package dev.vela.topology.replicated;

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
 * The atomic operations contract on a REPLICATED cache of three nodes in this JVM. The suite's
 * cache is the last node's, which is not the lock holder, so every conditional write travels to
 * the holder and back.
 */
class ReplicatedAtomicOperationsTest extends AtomicOperationsContract {
  private static LoopbackCaches nodes;

  @BeforeAll
  static void startNodes() {
    nodes = LoopbackCaches.start("replicated-atomic", Topology.REPLICATED, Map.of());
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
    return 300; // each conditional write is a round trip to the lock holder and one to every copy
  }

  @AfterEach
  void closeTheOtherNodes() {
    if (cache != null) {
      cache.close();
    }
    nodes.closeOthers();
  }
}
