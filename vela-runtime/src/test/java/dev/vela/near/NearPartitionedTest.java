package dev.vela.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.PutOptions;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.Concurrently;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes in one JVM run a near-cached PARTITIONED cache; writes on one reach the other's L1. */
class NearPartitionedTest {
  private static final Duration CONVERGES = Duration.ofSeconds(10);
  private static final long POLL_NANOS = 20_000;
  private static final List<VelaCluster> nodes = new ArrayList<>();
  private static final List<Cache<String, String>> caches = new ArrayList<>();
  private static String hosts;
  private static int[] ports;

  @BeforeAll
  static void startNodes() {
    ports = new int[] {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    hosts = FreePorts.loopbackHosts(ports);
    for (int i = 0; i < 2; i++) {
      nodes.add(node(ports[i]));
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(30));
    for (VelaCluster node : nodes) {
      caches.add(builder(node).create());
    }
  }

  private static VelaCluster node(int port) {
    return VelaCluster.builder()
        .clusterName("near-partitioned")
        .port(port)
        .initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500))
        .rpcTimeout(Duration.ofSeconds(5))
        .start();
  }

  private static CacheBuilder<String, String, Cache<String, String>> builder(VelaCluster node) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "near-parts", Backend.MEMORY,
            Topology.PARTITIONED, cache -> cache)
        .nearCache(true)
        .sweepInterval(Durations.INFINITE)
        .cluster(node);
  }

  @AfterAll
  static void stopNodes() {
    caches.forEach(Cache::close);
    nodes.forEach(VelaCluster::close);
  }

  @BeforeEach
  void empty() {
    caches.get(0).flush();
  }

  private static Cache<String, String> writer() {
    return caches.get(0);
  }

  private static Cache<String, String> reader() {
    return caches.get(1);
  }

  /** Reads until {@code key} reads {@code expected} (null: absent), pausing briefly so the network threads get a CPU. */
  private static void awaitRead(Cache<String, String> cache, String key, String expected) {
    long until = System.nanoTime() + CONVERGES.toNanos();
    while (!(expected == null ? cache.get(key).isEmpty() : cache.get(key).filter(expected::equals).isPresent())) {
      assertThat(System.nanoTime()).as("%s reads %s within %s", key, expected, CONVERGES).isLessThan(until);
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  @Test
  void aWriteOnOneNodeReplacesTheValueInTheOtherNodesL1AndTheStaleWindowIsMeasured() {
    int keys = 40;
    long[] windowsMicros = new long[keys];
    for (int i = 0; i < keys; i++) {
      String key = "k" + i;
      writer().put(key, "old");
      assertThat(reader().get(key)).hasValue("old");
      assertThat(reader().get(key)).as("now in the reader's L1").hasValue("old");

      writer().put(key, "new");
      long acknowledged = System.nanoTime();
      awaitRead(reader(), key, "new");
      windowsMicros[i] = (System.nanoTime() - acknowledged) / 1_000;
    }
    Arrays.sort(windowsMicros);
    System.out.printf("near cache, PARTITIONED, one JVM: stale window after an acknowledged write: median %d us,"
        + " p99 %d us, max %d us over %d writes%n", windowsMicros[keys / 2], windowsMicros[keys * 99 / 100],
        windowsMicros[keys - 1], keys);
    assertThat(reader().local().stats().l1Hits()).isPositive();
  }

  @Test
  void deleteTagInvalidationAndFlushReachTheOtherNodesL1() {
    writer().put("deleted", "d");
    writer().put("tagged", "t", PutOptions.tags("blue"));
    writer().put("flushed", "f");
    for (String key : List.of("deleted", "tagged", "flushed")) {
      reader().get(key);
      assertThat(reader().get(key)).isPresent();
    }

    writer().delete("deleted");
    awaitRead(reader(), "deleted", null);
    writer().invalidateTag("blue");
    awaitRead(reader(), "tagged", null);
    writer().flush();
    awaitRead(reader(), "flushed", null);
  }

  @Test
  void aNewViewClearsTheL1() {
    reader().put("k", "v");
    // an invalidation still in flight from the cluster's start may keep one fill out of the L1: read again
    Concurrently.await(CONVERGES, "the reader's L1 holds k", () -> {
      reader().get("k");
      return reader().inspect().details().get("nearCache.l1Entries").equals("1");
    });

    VelaCluster third = node(ports[2]);
    try (Cache<String, String> thirdCache = builder(third).create()) {
      nodes.get(0).awaitMembers(new RequiredMembers.Count(3), Duration.ofSeconds(30));
      Concurrently.await(CONVERGES, "the reader's L1 is cleared",
          () -> reader().inspect().details().get("nearCache.l1Entries").equals("0"));
      assertThat(thirdCache.get("k")).hasValue("v");
    } finally {
      third.close();
    }
    assertThat(reader().get("k")).hasValue("v");
  }
}
