package dev.vela.topology.replicated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.CacheClosedException;
import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes in one JVM running one replicated cache: every write is on every node when it returns. */
class ReplicatedCacheTest {
  private static final int NODES = 3;
  private static ReplicatedNodes cluster;
  private static final List<Cache<String, String>> caches = new ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = new ReplicatedNodes("replicated-in-jvm", NODES, NODES);
    for (int i = 0; i < NODES; i++) {
      caches.add(cluster.startCache(i));
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void empty() {
    caches.get(0).flush();
  }

  @Test
  void aWriteOnOneNodeIsOnEveryNodeWhenItReturns() {
    for (int i = 0; i < 100; i++) {
      caches.get(i % NODES).put("k" + i, "v" + i, PutOptions.ttl(Duration.ofMinutes(5)).withTags("t"));
    }
    for (Cache<String, String> cache : caches) {
      assertThat(cache.local().size()).isEqualTo(100);
      assertThat(cache.get("k42")).contains("v42");
    }
    assertThat(caches.get(2).ttl("k0")).hasValueSatisfying(
        ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    assertThat(caches.get(1).delete("k7")).isTrue();
    assertThat(caches).allSatisfy(cache -> assertThat(cache.exists("k7")).isFalse());
    assertThat(caches.get(0).delete("k7")).isFalse();
  }

  @Test
  void putAllFlushAndInvalidateTagReachEveryNode() {
    Map<String, String> batch = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      batch.put("b" + i, "v" + i);
    }
    caches.get(1).putAll(batch, PutOptions.tags("batch"));
    caches.get(2).put("other", "x");
    assertThat(caches).allSatisfy(cache -> assertThat(cache.size()).isEqualTo(51));

    assertThat(caches.get(0).invalidateTag("batch")).isEqualTo(50);
    assertThat(caches).allSatisfy(cache -> {
      assertThat(cache.size()).isEqualTo(1);
      assertThat(cache.get("b3")).isEmpty();
    });

    caches.get(2).flush();
    assertThat(caches).allSatisfy(cache -> assertThat(cache.size()).isZero());
    caches.get(0).put("b3", "again", PutOptions.tags("batch"));
    assertThat(caches.get(1).get("b3")).contains("again");
  }

  @Test
  void localFlushEmptiesOneCopyOnly() {
    caches.get(0).put("a", "1");
    caches.get(1).local().flush();
    assertThat(caches.get(1).get("a")).isEmpty();
    assertThat(caches.get(2).get("a")).contains("1");
  }

  @Test
  void readsOfThisNodesCopyCountHitsAndMissesAndAreRefusedOnceTheCacheCloses() {
    // a node of its own: this test closes its cache, which the other tests share
    try (ReplicatedNodes alone = new ReplicatedNodes("replicated-alone", 1, 1)) {
      Cache<String, String> copy = alone.startCache(0);
      Cache<String, String> local = copy.local();
      copy.put("k", "v");

      assertThat(copy.get("k")).contains("v");
      assertThat(local.getOrDefault("ghost", "fallback")).isEqualTo("fallback");
      assertThat(local.getOrThrow("k")).isEqualTo("v");
      assertThat(copy.stats().hits()).isEqualTo(2);
      assertThat(copy.stats().misses()).isEqualTo(1);

      copy.close();
      assertThatThrownBy(() -> copy.getOrDefault("k", null)).isInstanceOf(CacheClosedException.class);
      assertThatThrownBy(() -> local.get("k")).isInstanceOf(CacheClosedException.class);
    }
  }

  @Test
  void aCacheThatTheOtherNodeDoesNotRunStartsWithoutWaitingForIt() {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    // a minute's rpcTimeout: greeting the node that does not run the cache used to wait it out, as
    // that node held the greeting for a cache that might start there
    try (VelaCluster withCache = startNode("replicated-alone-among", ports[0], hosts);
        VelaCluster without = startNode("replicated-alone-among", ports[1], hosts)) {
      withCache.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(30));
      Cache<String, String> alone = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> new CacheBuilder<String, String, Cache<String, String>>(
                  new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "only-here", Backend.MEMORY,
                  Topology.REPLICATED, c -> c)
              .sweepInterval(Durations.INFINITE)
              .cluster(withCache)
              .create());
      try {
        alone.put("k", "v");
        assertThat(alone.get("k")).contains("v");
        assertThat(alone.inspect().details().get("topology.replicas")).isEmpty();
      } finally {
        alone.close();
      }
    }
  }

  private static VelaCluster startNode(String clusterName, int port, String hosts) {
    return VelaCluster.builder().clusterName(clusterName).port(port).initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofMinutes(1)).start();
  }

  @Test
  void statsAddUpOverNodesAndStreamSeesEveryEntry() {
    long before = caches.get(0).stats().writes();
    caches.get(1).put("a", "1");
    caches.get(2).put("b", "2");
    assertThat(caches.get(0).stats().writes() - before).isEqualTo(2);
    assertThat(caches.get(0).stream().map(CacheEntry::key)).containsExactlyInAnyOrder("a", "b");
    assertThat(caches.get(0).inspect().topology()).isEqualTo("REPLICATED");
    assertThat(caches.get(0).inspect().details().get("topology.replicas").split(",")).hasSize(NODES - 1);
  }

  @Test
  void concurrentWritesOfTheSameKeysEndEqualOnEveryNode() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(NODES);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int n = 0; n < NODES; n++) {
        Cache<String, String> cache = caches.get(n);
        String writer = "w" + n;
        done.add(writers.submit(() -> {
          for (int i = 0; i < 300; i++) {
            String key = "hot" + (i % 10);
            if (i % 7 == 0) {
              cache.delete(key);
            } else {
              cache.put(key, writer + "-" + i);
            }
          }
        }));
      }
      for (Future<?> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }
    for (int i = 0; i < 10; i++) {
      String key = "hot" + i;
      String first = caches.get(0).get(key).orElse(null);
      assertThat(caches).allSatisfy(cache -> assertThat(cache.get(key).orElse(null)).isEqualTo(first));
    }
  }
}
