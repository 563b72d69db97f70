package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share a cluster secret and a replicated cache; nodes with another secret, or none, try
 * to join them. Traffic is encrypted right above the transport, so such a node cannot even discover
 * the members: it forms a cluster of its own and reads nothing of theirs.
 */
class ClusterSecretTest {
  private static final String SECRET = "correct horse battery staple";
  private static final Duration FORMS = Duration.ofSeconds(30);
  /** Long enough for a few discovery and merge rounds (MERGE3 looks every 1 to 3 s). */
  private static final Duration STAYS_ALONE = Duration.ofSeconds(5);
  private static final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
  private static int[] ports;
  private static String hosts;
  private static VelaCluster members;
  private static Cache<String, String> first;
  private static Cache<String, String> second;

  @BeforeAll
  static void startMembers() {
    ports = new int[] {FreePorts.next(), FreePorts.next()};
    StringBuilder all = new StringBuilder();
    for (int port : ports) {
      all.append(all.length() == 0 ? "" : ",").append("127.0.0.1[").append(port).append(']');
    }
    hosts = all.toString();
    members = node(ports[0], SECRET);
    VelaCluster b = node(ports[1], SECRET);
    members.awaitMembers(new RequiredMembers.Count(2), FORMS);
    // together: a cache greets the other members and waits up to rpcTimeout for those without it
    CompletableFuture<Cache<String, String>> onB = CompletableFuture.supplyAsync(() -> cache(b));
    first = cache(members);
    second = onB.join();
    first.put("k", "members only");
  }

  @AfterAll
  static void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void nodesWithTheSameSecretFormOneClusterAndShareEntries() {
    assertThat(second.get("k")).contains("members only");
    second.put("k2", "from the second");
    assertThat(first.get("k2")).contains("from the second");
  }

  @Test
  void nodesWithAnotherSecretOrNoneStayAloneAndReadNothing() {
    // ports picked now: one picked at the start may have become the local end of a connection since
    VelaCluster wrongSecret = node(FreePorts.next(), "another secret, long enough");
    VelaCluster noSecret = node(FreePorts.next(), "");
    assertThatThrownBy(() -> wrongSecret.awaitMembers(new RequiredMembers.Count(2), STAYS_ALONE))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("only 1 of 2 members")
        .hasMessageContaining("the same clusterSecret");
    // it has had as long as the other to find someone
    assertThatThrownBy(() -> noSecret.awaitMembers(new RequiredMembers.Count(2), Duration.ofMillis(100)))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("only 1 of 2 members");
    for (VelaCluster outsider : List.of(wrongSecret, noSecret)) {
      assertThat(outsider.members()).containsExactly(outsider.localMember());
      Cache<String, String> outside = cache(outsider);
      assertThat(outside.get("k")).isEmpty();
      outside.put("k", "forged by " + outsider.localMember());
      assertThat(first.get("k")).contains("members only");
      assertThat(second.get("k")).contains("members only");
      assertThat(members.members()).hasSize(2).doesNotContain(outsider.localMember());
    }
  }

  private static VelaCluster node(int port, String secret) {
    VelaCluster node = VelaCluster.builder()
        .clusterName("secured")
        .port(port)
        .initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500))
        .rpcTimeout(Duration.ofSeconds(5))
        .clusterSecret(secret)
        .start();
    opened.add(node);
    return node;
  }

  private static Cache<String, String> cache(VelaCluster node) {
    Cache<String, String> cache = new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "secrets", Backend.MEMORY, Topology.REPLICATED,
            c -> c)
        .sweepInterval(Durations.INFINITE)
        .cluster(node)
        .create();
    opened.add(cache);
    return cache;
  }
}
