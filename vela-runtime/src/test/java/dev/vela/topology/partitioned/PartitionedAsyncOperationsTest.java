package dev.vela.topology.partitioned;

import dev.vela.Cache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.LoopbackNodes;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.CacheBuilder;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The asynchronous calls on a PARTITIONED cache of three nodes in this JVM, with one backup
 * per key. The suite's cache is the last node's, so most keys live on other nodes and their writes
 * travel to their owners.
 */
class PartitionedAsyncOperationsTest extends AsyncOperationsContract {
  private static final int NODES = 3;
  private static final AtomicInteger CACHES = new AtomicInteger();
  private static final List<VelaCluster> clusterNodes = new ArrayList<>();
  private final List<Cache<String, Long>> others = new ArrayList<>();

  @BeforeAll
  static void startNodes() {
    clusterNodes.addAll(LoopbackNodes.start("partitioned-async", NODES));
  }

  @AfterAll
  static void stopNodes() {
    clusterNodes.forEach(VelaCluster::close);
    clusterNodes.clear();
  }

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    String name = "async-partitioned-" + CACHES.incrementAndGet();
    for (int i = 0; i < NODES - 1; i++) {
      others.add(builder(name, clock, clusterNodes.get(i)).create());
    }
    return builder(name, clock, clusterNodes.get(NODES - 1)).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return true;
  }

  private static CacheBuilder<String, Long, Cache<String, Long>> builder(String name, ManualClock clock, VelaCluster node) {
    return new CacheBuilder<String, Long, Cache<String, Long>>(
            new CacheTypes<>(TestCodecs.string(), TypeCodec.of("java.lang.Long", Codecs.LONG)), name, Backend.MEMORY,
            Topology.PARTITIONED, c -> c)
        .clock(clock)
        .sweepInterval(Durations.INFINITE)
        .option("backups", "1")
        .cluster(node);
  }

  @AfterEach
  void closeTheOtherNodes() {
    if (cache != null) {
      cache.close();
    }
    others.forEach(Cache::close);
    others.clear();
  }
}
