package dev.vela.cluster;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.Expiry;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caches of one name on each of three loopback nodes of this JVM, for the contract suites that run
 * on a clustered topology: the suite's cache is the last node's, and the others hold the keys and
 * copies that make its calls travel.
 */
public final class LoopbackCaches implements AutoCloseable {
  private static final int NODES = 3;

  private final String name;
  private final Topology topology;
  private final Map<String, String> options;
  private final List<VelaCluster> nodes;
  private final AtomicInteger opened = new AtomicInteger();
  private final List<Cache<String, Long>> others = new ArrayList<>();

  private LoopbackCaches(String name, Topology topology, Map<String, String> options) {
    this.name = name;
    this.topology = topology;
    this.options = Map.copyOf(options);
    this.nodes = LoopbackNodes.start(name, NODES);
  }

  /** Starts the nodes of cluster {@code name}; caches opened later are {@code topology} ones with {@code options}. */
  public static LoopbackCaches start(String name, Topology topology, Map<String, String> options) {
    return new LoopbackCaches(name, topology, options);
  }

  /** Opens a new cache on every node and returns the last node's; {@link #closeOthers} closes the rest. */
  public Cache<String, Long> open(ManualClock clock) {
    String cacheName = name + "-" + opened.incrementAndGet();
    for (int i = 0; i < NODES - 1; i++) {
      others.add(builder(cacheName, clock, nodes.get(i)).create());
    }
    return builder(cacheName, clock, nodes.get(NODES - 1)).create();
  }

  /** Closes the caches {@link #open} made on the other nodes. */
  public void closeOthers() {
    others.forEach(Cache::close);
    others.clear();
  }

  @Override
  public void close() {
    closeOthers();
    nodes.forEach(VelaCluster::close);
  }

  private CacheBuilder<String, Long, Cache<String, Long>> builder(String cacheName, ManualClock clock, VelaCluster node) {
    CacheBuilder<String, Long, Cache<String, Long>> builder = new CacheBuilder<String, Long, Cache<String, Long>>(
            new CacheTypes<>(TestCodecs.string(), TypeCodec.of("java.lang.Long", Codecs.LONG)), cacheName, Backend.MEMORY,
            topology, c -> c)
        .clock(clock)
        .sweepInterval(Expiry.NEVER)
        .cluster(node);
    options.forEach(builder::option);
    return builder;
  }
}
