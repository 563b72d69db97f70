package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.VelaException;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How nodes come together and apart: simultaneous starts, shared channels, a fetcher that dies. */
class ClusterFormationTest {
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private static CacheBuilder<String, String, Cache<String, String>> cache(String name) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), name, Backend.MEMORY, Topology.PARTITIONED,
            c -> c)
        .sweepInterval(Durations.INFINITE);
  }

  /** A node of {@code clusterName} on {@code port}, closed after the test, with a 10 s rpcTimeout. */
  /** Two nodes of one cluster on loopback. */
  private record TwoNodes(VelaCluster a, VelaCluster b) {}

  /** Starts two nodes of {@code clusterName} and waits until each sees both. */
  private TwoNodes twoNodes(String clusterName) {
    int first = FreePorts.next();
    int second = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(first, second);
    VelaCluster a = node(clusterName, first, hosts);
    VelaCluster b = node(clusterName, second, hosts);
    a.awaitMembers(new RequiredMembers.Count(2), DEADLINE);
    b.awaitMembers(new RequiredMembers.Count(2), DEADLINE);
    return new TwoNodes(a, b);
  }

  private VelaCluster node(String clusterName, int port, String hosts) {
    return kept(VelaCluster.builder().clusterName(clusterName).port(port).initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(10)).start());
  }

  private <T extends AutoCloseable> T kept(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  @Test
  void twoNodesStartedAtOnceFormOneClusterAndOneRing() throws Exception {
    int first = FreePorts.next();
    int second = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(first, second);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<VelaCluster>> starts = new ArrayList<>();
    for (int port : new int[] {first, second}) {
      starts.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return VelaCluster.builder().clusterName("merge").port(port).initialHosts(hosts)
            .joinTimeout(Duration.ofMillis(500)).start();
      }));
    }
    go.countDown();
    VelaCluster a = kept(starts.get(0).get(60, TimeUnit.SECONDS));
    VelaCluster b = kept(starts.get(1).get(60, TimeUnit.SECONDS));
    a.awaitMembers(new RequiredMembers.Count(2), DEADLINE);
    b.awaitMembers(new RequiredMembers.Count(2), DEADLINE);

    Cache<String, String> onA = kept(cache("merged").cluster(a).create());
    Cache<String, String> onB = kept(cache("merged").cluster(b).create());
    assertThat(ring(onA)).hasSize(2); // no wait: b's create() returns once a's ring holds it
    assertThat(ring(onB)).hasSize(2);
    for (int i = 0; i < 50; i++) {
      onA.put("k" + i, "v" + i);
    }
    assertThat(onB.size()).isEqualTo(50);
    assertThat(onB.get("k7")).contains("v7");
    assertThat(onA.local().size()).isPositive().isLessThan(50);
    assertThat(ring(onB)).hasSize(2);
  }

  @Test
  void whenCreateReturnsTheOtherNodesRingAlreadyHoldsTheNewNode() {
    TwoNodes nodes = twoNodes("agree");
    VelaCluster a = nodes.a();
    VelaCluster b = nodes.b();
    Cache<String, String> onA = kept(cache("agreed").cluster(a).create());
    for (int i = 0; i < 500; i++) {
      onA.put("k" + i, "v" + i);
    }
    for (int round = 0; round < 5; round++) { // the cache on b starts, and closes, again and again
      Cache<String, String> onB = cache("agreed").cluster(b).create();
      try {
        assertThat(ring(onA))
            // both nodes' routing as the assertion runs, to tell a late ring from a wrong one
            .as("a's ring as b's create() returns, round %d (then a: %s; b: %s)", round,
                onA.inspect().details(), onB.inspect().details())
            .contains(b.localMember());
        for (int i = 0; i < 20; i++) {
          onB.put("round" + round + "-" + i, "x");
          assertThat(onA.get("round" + round + "-" + i)).as("a key written on b, read on a").contains("x");
        }
      } finally {
        onB.close(); // hands its keys to a and tells a before it returns
      }
      assertThat(onA.inspect().details().get("topology.ring.members")).isEqualTo(a.localMember());
    }
  }

  @Test
  void aCacheThatStartsAgainWhileTheOtherNodeStillHandsKeysToItsLastStartJoinsBothRingsAndLosesNoKey() {
    int keys = 20_000;
    TwoNodes nodes = twoNodes("restart");
    VelaCluster b = nodes.b();
    Cache<String, String> onA = kept(cache("restarted").cluster(nodes.a()).create());
    for (int i = 0; i < keys; i++) {
      onA.put("k" + i, "v" + i);
    }
    for (int round = 0; round < 3; round++) {
      // a starts handing b its keys as b's create() returns; b closes before they can all arrive,
      // so a's last copies meet b's closing cache, no cache, or its next start
      cache("restarted").cluster(b).create().close();
      try (Cache<String, String> onB = cache("restarted").cluster(b).create()) {
        assertThat(ring(onA)).as("a's ring as b's create() returns, round %d", round).contains(b.localMember());
        assertThat(ring(onB)).as("b's ring as its create() returns, round %d", round).hasSize(2);
        for (int i = round; i < keys; i += 97) {
          assertThat(onB.get("k" + i)).as("k%d read on b, round %d", i, round).contains("v" + i);
        }
      }
    }
    // b's last close handed its keys back: every key is on a again
    assertThat(onA.size()).isEqualTo(keys);
    for (int i = 0; i < keys; i++) {
      assertThat(onA.get("k" + i)).as("k%d", i).contains("v" + i);
    }
  }

  @Test
  void readsWhileANodeJoinsFindEveryKey() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    List<Cache<String, String>> caches = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      VelaCluster node = kept(VelaCluster.builder().clusterName("join-reads").port(ports[i]).initialHosts(hosts)
          .joinTimeout(Duration.ofMillis(500)).start());
      node.awaitMembers(new RequiredMembers.Count(i + 1), DEADLINE);
      caches.add(kept(cache("joined").cluster(node).create()));
    }
    int keys = 2000;
    for (int i = 0; i < keys; i++) {
      caches.get(0).put("k" + i, "v" + i);
    }
    AtomicInteger misses = new AtomicInteger();
    AtomicInteger roundsAfterJoin = new AtomicInteger(-1);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      // bounded: stops two full rounds after the join, or after 500 rounds
      for (int round = 0; round < 500 && roundsAfterJoin.get() < 2; round++) {
        for (int i = 0; i < keys; i++) {
          if (caches.get(0).get("k" + i).isEmpty()) {
            misses.incrementAndGet();
          }
        }
        roundsAfterJoin.getAndUpdate(done -> done < 0 ? done : done + 1);
      }
    });
    VelaCluster third = kept(VelaCluster.builder().clusterName("join-reads").port(ports[2]).initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500)).start());
    Cache<String, String> joined = kept(cache("joined").cluster(third).create());
    third.awaitMembers(new RequiredMembers.Count(3), DEADLINE);
    roundsAfterJoin.set(0);
    reader.get(60, TimeUnit.SECONDS);

    assertThat(misses.get()).isZero();
    assertThat(joined.local().size()).isPositive();
    assertThat(joined.size()).isEqualTo(keys);
  }

  @Test
  void cachesOfOneJvmShareOneNodeUntilTheLastCloses() {
    int port = FreePorts.next();
    Cache<String, String> first = cache("first").option("cluster", "shared-test").option("port", Integer.toString(port))
        .option("joinTimeout", "300ms").create();
    Cache<String, String> second = kept(cache("second").option("cluster", "shared-test")
        .option("port", Integer.toString(port)).option("joinTimeout", "300ms").create());
    assertThat(second.inspect().node()).isEqualTo(first.inspect().node());

    first.close();
    second.put("still", "works");
    assertThat(second.get("still")).contains("works");
    assertThatThrownBy(() -> cache("third").option("cluster", "shared-test").option("port", Integer.toString(port + 1))
            .create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("already runs it with");
  }

  @Test
  void aCacheThatClosesWhileItsNodeStaysHandsOverAndIsNoLongerRouted() {
    TwoNodes nodes = twoNodes("depart");
    VelaCluster a = nodes.a();
    VelaCluster b = nodes.b();
    Cache<String, String> onA = kept(cache("departing").cluster(a).create());
    Cache<String, String> onB = cache("departing").cluster(b).create();
    assertThat(ring(onA)).hasSize(2); // no wait: b's create() returns once a's ring holds it
    assertThat(ring(onB)).hasSize(2);
    for (int i = 0; i < 200; i++) {
      onA.put("k" + i, "v" + i);
    }
    assertThat(onB.local().size()).isPositive();

    onB.close();
    assertThat(onA.local().size()).isEqualTo(200);
    long started = System.nanoTime();
    onA.put("after", "close");
    for (int i = 0; i < 200; i++) {
      assertThat(onA.get("k" + i)).contains("v" + i);
    }
    assertThat(onA.get("after")).contains("close");
    // no call waited for the closed cache: that would take the 10s rpcTimeout
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(onA.inspect().details().get("topology.ring.members")).isEqualTo(a.localMember());
  }

  @Test
  void aMemberThatDoesNotRunTheCacheGetsNoKeysUntilItStartsIt() {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    List<VelaCluster> nodes = new ArrayList<>();
    for (int port : ports) {
      nodes.add(node("runs-it", port, hosts));
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(3), DEADLINE);
    nodes.get(2).awaitMembers(new RequiredMembers.Count(3), DEADLINE);
    Cache<String, String> onA = kept(cache("some-run-it").cluster(nodes.get(0)).create());
    Cache<String, String> onB = kept(cache("some-run-it").cluster(nodes.get(1)).create());
    assertThat(ring(onA)).hasSize(2); // no wait: b's create() returns once a's ring holds it
    assertThat(ring(onB)).hasSize(2);

    long started = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      onA.put("k" + i, "v" + i);
    }
    assertThat(onB.size()).isEqualTo(200);
    // no call went to the member without the cache: one would wait the 10 s rpcTimeout
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(ring(onA)).containsExactlyInAnyOrder(nodes.get(0).localMember(), nodes.get(1).localMember());

    Cache<String, String> onC = kept(cache("some-run-it").cluster(nodes.get(2)).create());
    assertThat(ring(onA)).hasSize(3); // no wait: c's create() returns once the others' rings hold it
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (onC.local().size() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // its keys arrive just after the others have followed the new ring
    }
    assertThat(onC.local().size()).isPositive();
    while (!onC.inspect().details().get("topology.handover.awaiting").isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // a moving key is counted on both nodes until its old owner lets go of it
    }
    assertThat(onC.inspect().details()).containsEntry("topology.handover.awaiting", "");
    assertThat(onC.size()).isEqualTo(200);
    for (int i = 0; i < 200; i += 13) {
      assertThat(onC.get("k" + i)).contains("v" + i);
    }
  }

  /** The members of the cache's ring now, as {@code inspect()} shows them. */
  private static String[] ring(Cache<String, String> cache) {
    return cache.inspect().details().get("topology.ring.members").split(",");
  }

  @Test
  void requireMembersFailsCreateNamingTheMissingCount() {
    int port = FreePorts.next();
    assertThatThrownBy(() -> cache("lonely").option("cluster", "lonely").option("port", Integer.toString(port))
            .option("joinTimeout", "300ms").option("requireMembers", "${VELA_TEST_UNSET_COUNT:2}").create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("only 1 of 2 members");
  }

  @Test
  void whenTheFetchingNodeDiesAWaiterFetchesInstead() throws Exception {
    int first = FreePorts.next();
    int second = FreePorts.next();
    int third = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(first, second, third);
    List<VelaCluster> nodes = new ArrayList<>();
    for (int port : new int[] {first, second, third}) {
      nodes.add(kept(VelaCluster.builder().clusterName("fetch-death").port(port).initialHosts(hosts)
          .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(3)).start()));
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(3), DEADLINE);
    List<Cache<String, String>> caches = new ArrayList<>();
    for (VelaCluster node : nodes) {
      caches.add(cache("fetched").cluster(node).stampedeTimeout(Duration.ofSeconds(30)).create());
    }
    opened.add(caches.get(0));
    opened.add(caches.get(1));
    opened.add(caches.get(2));
    // a key the doomed node (the third) does not own, so its owner outlives it
    String key = null;
    for (int i = 0; key == null; i++) {
      caches.get(0).put("probe" + i, "x");
      if (caches.get(2).local().size() == 0) {
        key = "probe" + i;
      }
      caches.get(0).flush();
    }
    String wanted = key;

    CountDownLatch doomedFetching = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Future<String> doomed = CompletableFuture.supplyAsync(() -> caches.get(2).getOrFetch(wanted, k -> {
      doomedFetching.countDown();
      try {
        never.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "from the dead";
    }));
    assertThat(doomedFetching.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicInteger survivorFetches = new AtomicInteger();
    CompletableFuture<String> survivor = CompletableFuture.supplyAsync(() -> caches.get(1).getOrFetch(wanted, k -> {
      survivorFetches.incrementAndGet();
      return "from a survivor";
    }));

    nodes.get(2).close(); // the fetching node vanishes without giving its claim back
    assertThat(survivor.get(40, TimeUnit.SECONDS)).isEqualTo("from a survivor");
    assertThat(survivorFetches.get()).isEqualTo(1);
    assertThat(caches.get(0).get(wanted)).contains("from a survivor");
    never.countDown();
    doomed.cancel(true);
  }

  @Test
  void whenTheOwnerDiesWaitersClaimFromTheNewOwnerAndOneOfThemFetches() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    List<VelaCluster> nodes = new ArrayList<>();
    for (int port : ports) {
      nodes.add(kept(VelaCluster.builder().clusterName("owner-death").port(port).initialHosts(hosts.toString())
          .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofSeconds(3)).start()));
    }
    nodes.get(0).awaitMembers(new RequiredMembers.Count(4), DEADLINE);
    List<Cache<String, String>> caches = new ArrayList<>();
    for (VelaCluster node : nodes) {
      caches.add(kept(cache("owner-dies").cluster(node).stampedeTimeout(Duration.ofSeconds(30)).create()));
    }
    caches.forEach(cache -> assertThat(ring(cache)).hasSize(4));
    // a key the doomed node (the first) owns
    String key = null;
    for (int i = 0; key == null; i++) {
      caches.get(1).put("probe" + i, "x");
      if (caches.get(0).local().size() == 1) {
        key = "probe" + i;
      }
      caches.get(1).flush();
    }
    String wanted = key;

    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> caches.get(1).getOrFetch(wanted, k -> {
      fetching.countDown();
      try {
        finish.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "from the first fetcher";
    }));
    assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicInteger waiterFetches = new AtomicInteger();
    List<CompletableFuture<String>> waiters = new ArrayList<>();
    for (Cache<String, String> waiting : caches.subList(2, 4)) { // one waiter per node: each node claims once
      waiters.add(CompletableFuture.supplyAsync(() -> waiting.getOrFetch(wanted, k -> {
        waiterFetches.incrementAndGet();
        return "from a waiter";
      })));
    }
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!caches.get(0).inspect().details().get("topology.fetchWaiters").equals("2") && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // both waiters' claims reach the owner, and wait there behind the first fetch
    }
    assertThat(caches.get(0).inspect().details()).containsEntry("topology.fetchWaiters", "2");

    nodes.get(0).close(); // the owner vanishes while both waiters wait for its answer
    // Both claim again from the new owner, and one of them fetches. While the survivors' views differ,
    // that one's store may be routed to the gone owner and fail: it stores the value again on the new
    // owner before giving the claim back, so the other hears the value instead of fetching too.
    for (CompletableFuture<String> waiter : waiters) {
      assertThat(waiter.get(40, TimeUnit.SECONDS)).isEqualTo("from a waiter");
    }
    assertThat(waiterFetches.get()).as("fetches by the waiters").isEqualTo(1);
    finish.countDown();
    assertThat(slow.get(40, TimeUnit.SECONDS)).isEqualTo("from the first fetcher");
  }
}
