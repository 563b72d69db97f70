package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.CacheInfo;
import dev.vela.CrossSlotException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes in one JVM, each with its own explicit cluster node, running one partitioned cache. */
class PartitionedCacheTest {
  private static final int NODES = 3;
  private static final List<VelaCluster> clusterNodes = new ArrayList<>();
  private static final List<Cache<String, String>> caches = new ArrayList<>();

  @BeforeAll
  static void startNodes() {
    StringBuilder hosts = new StringBuilder();
    int[] ports = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      ports[i] = FreePorts.next();
      hosts.append(i == 0 ? "" : ",").append("127.0.0.1[").append(ports[i]).append(']');
    }
    for (int i = 0; i < NODES; i++) {
      clusterNodes.add(VelaCluster.builder()
          .clusterName("partitioned-in-jvm")
          .port(ports[i])
          .initialHosts(hosts.toString())
          .joinTimeout(Duration.ofMillis(500))
          .rpcTimeout(Duration.ofSeconds(5))
          .start());
    }
    clusterNodes.get(0).awaitMembers(new RequiredMembers.Count(NODES), Duration.ofSeconds(30));
    for (VelaCluster node : clusterNodes) {
      caches.add(builder(node).create());
    }
  }

  static CacheBuilder<String, String, Cache<String, String>> builder(VelaCluster node) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "parts", Backend.MEMORY, Topology.PARTITIONED,
            cache -> cache)
        .sweepInterval(Durations.INFINITE)
        .stampedeTimeout(Duration.ofSeconds(20))
        .cluster(node);
  }

  @AfterAll
  static void stopNodes() {
    caches.forEach(Cache::close);
    clusterNodes.forEach(VelaCluster::close);
  }

  @BeforeEach
  void empty() {
    caches.get(0).flush();
  }

  @Test
  void aKeyWrittenOnOneNodeIsReadOnEveryNode() {
    for (int i = 0; i < 200; i++) {
      caches.get(i % NODES).put("k" + i, "v" + i, PutOptions.ttl(Duration.ofMinutes(5)).withTags("t"));
    }
    for (int i = 0; i < 200; i++) {
      for (Cache<String, String> cache : caches) {
        assertThat(cache.get("k" + i)).contains("v" + i);
      }
    }
    assertThat(caches.get(2).ttl("k7")).hasValueSatisfying(ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    assertThat(caches.get(1).delete("k7")).isTrue();
    assertThat(caches.get(0).exists("k7")).isFalse();
  }

  @Test
  void cacheWideOperationsCoverEveryNodeAndLocalCoversOne() {
    for (int i = 0; i < 300; i++) {
      caches.get(0).put("k" + i, "v", i % 2 == 0 ? PutOptions.tags("even") : PutOptions.defaults());
    }
    assertThat(caches.get(1).size()).isEqualTo(300);
    long localSum = caches.stream().mapToLong(cache -> cache.local().size()).sum();
    assertThat(localSum).isEqualTo(300);
    assertThat(caches).allSatisfy(cache -> assertThat(cache.local().size()).isBetween(40L, 200L));
    assertThat(caches.get(2).export()).hasSize(300);
    assertThat(caches.get(2).local().stream().count()).isEqualTo(caches.get(2).local().size());

    assertThat(caches.get(2).invalidateTag("even")).isEqualTo(150);
    assertThat(caches.get(0).size()).isEqualTo(150);
    assertThat(caches.get(1).get("k0")).isEmpty();
    assertThat(caches.get(1).get("k1")).contains("v");
  }

  @Test
  void dumpOnOneNodeAndLoadOnAnotherRestoresEveryOwnersKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    for (int i = 0; i < 100; i++) {
      caches.get(i % NODES).put("d" + i, "v" + i, PutOptions.tags("dumped"));
    }
    java.nio.file.Path file = dir.resolve("parts.dump");
    assertThat(caches.get(0).dump(file)).isEqualTo(100);
    caches.get(1).flush();
    assertThat(caches.get(2).load(file)).isEqualTo(100);
    assertThat(caches.get(0).size()).isEqualTo(100);
    assertThat(caches).allSatisfy(cache -> assertThat(cache.local().size()).isPositive());
    assertThat(caches.get(1).invalidateTag("dumped")).isEqualTo(100);
  }

  @Test
  void statsAddUpOverNodes() {
    long before = caches.get(0).stats().writes();
    caches.get(1).put("a", "1");
    caches.get(2).put("b", "2");
    assertThat(caches.get(0).stats().writes() - before).isEqualTo(2);
    assertThat(caches.get(1).local().stats().writes()).isLessThan(caches.get(1).stats().writes());
  }

  @Test
  void streamIsRefusedAndPointsToExportOrLocal() {
    assertThatThrownBy(() -> caches.get(0).stream())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("export()")
        .hasMessageContaining("local().stream()");
  }

  @Test
  void putAllOfKeysWithDifferentOwnersNamesTwoKeysAndTheirOwners() {
    Map<String, String> batch = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      batch.put("spread-" + i, "v");
    }
    assertThatThrownBy(() -> caches.get(0).putAll(batch))
        .isInstanceOf(CrossSlotException.class)
        .hasMessageContaining("(owner ")
        .hasMessageContaining("live on different nodes");
    assertThat(caches.get(0).size()).isZero();
  }

  @Test
  void putAllOfOneOwnerIsStoredOnThatOwner() {
    String first = "same-0";
    String owner = ownerOf(first);
    Map<String, String> batch = new HashMap<>();
    for (int i = 0; batch.size() < 5; i++) {
      if (ownerOf("same-" + i).equals(owner)) {
        batch.put("same-" + i, "v" + i);
      }
    }
    caches.get(0).putAll(batch);
    Cache<String, String> ownerCache = caches.get(indexOf(owner));
    assertThat(ownerCache.local().size()).isEqualTo(5);
    batch.forEach((key, value) -> assertThat(caches.get(2).get(key)).contains(value));
  }

  @Test
  void inspectShowsTheRingAndStaysLocal() {
    CacheInfo info = caches.get(0).inspect();
    assertThat(info.topology()).isEqualTo("PARTITIONED");
    assertThat(info.node()).isEqualTo(clusterNodes.get(0).localMember());
    assertThat(info.details().get("topology.ring.members").split(",")).hasSize(NODES);
    assertThat(info.details()).containsKey("topology.ring.share." + clusterNodes.get(1).localMember());
  }

  @Test
  void concurrentFetchesOnDifferentNodesRunTheFetcherOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Cache<String, String> cache = caches.get(i % NODES);
        results.add(pool.submit(() -> cache.getOrFetch("stampede", key -> {
          calls.incrementAndGet();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "fetched";
        })));
      }
      // let every caller reach its wait before the one fetch ends
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (calls.get() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("fetched");
      }
      assertThat(calls.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The owner of {@code key}: the node whose local part holds it after a put. */
  private static String ownerOf(String key) {
    caches.get(0).put(key, "probe");
    try {
      for (int i = 0; i < NODES; i++) {
        if (caches.get(i).local().export().stream().anyMatch(entry -> entry.key().equals(key))) {
          return clusterNodes.get(i).localMember();
        }
      }
      throw new AssertionError("no node holds " + key);
    } finally {
      caches.get(0).delete(key);
    }
  }

  private static int indexOf(String member) {
    for (int i = 0; i < NODES; i++) {
      if (clusterNodes.get(i).localMember().equals(member)) {
        return i;
      }
    }
    throw new AssertionError(member);
  }
}
