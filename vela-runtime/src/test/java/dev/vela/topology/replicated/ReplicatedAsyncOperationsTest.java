package dev.vela.topology.replicated;

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
 * The asynchronous calls on a REPLICATED cache of three nodes in this JVM. The suite's
 * cache is the last node's, which is not the lock holder, so every conditional write travels to
 * the holder and back.
 */
class ReplicatedAsyncOperationsTest extends AsyncOperationsContract {
  private static LoopbackCaches nodes;

  @BeforeAll
  static void startNodes() {
    nodes = LoopbackCaches.start("replicated-async", Topology.REPLICATED, Map.of());
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
