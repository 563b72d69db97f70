package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.FreePorts;
import dev.vela.cluster.RequiredMembers;
import dev.vela.cluster.VelaCluster;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that hands keys to a cache which closes meanwhile must not wait on it: that cache may start
 * again at once, and its first ring waits for this node's answer, which the thread sending the keys
 * gives. So the handover stops once its ring is no longer this node's, and copies to a node where
 * the cache does not run fail at once instead of waiting there for it to start.
 */
class HandoverToAClosedCacheTest {
  private static final long DEADLINE_SECONDS = 10;
  private static final int KEYS = 5_000; // about half are b's: five batches of copies

  /** "b" and "c" run the cache; the first copy to b is answered only when the test says so. */
  private static final class HoldingChannel extends TwoNodeChannel {
    final AtomicInteger copiesToB = new AtomicInteger();
    final CompletableFuture<byte[]> firstCopyToB = new CompletableFuture<>();
    final CountDownLatch firstCopySent = new CountDownLatch(1);

    HoldingChannel() {
      super(Duration.ofSeconds(30), List.of("a", "b", "c"));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (member.equals("b") && request[0] == Op.COPY.code() && copiesToB.getAndIncrement() == 0) {
        firstCopySent.countDown();
        return firstCopyToB;
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aHandoverStopsSendingOnceItsReceiversCacheHasClosed() throws Exception {
    HoldingChannel channel = new HoldingChannel();
    PartitionOnA nodeA = kept(new PartitionOnA("superseded", channel));
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < KEYS; i++) {
      nodeA.partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }

    nodeA.endpoint.membersChanged(List.of("a", "b")); // b joins, and a starts handing it its keys
    assertThat(channel.firstCopySent.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    answerOf(nodeA, "b", Op.LEAVING.request()).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // b's cache closed
    channel.firstCopyToB.complete(Reply.okEmpty());
    // a answers c only once its ring holds c, which it builds after the handover to b has returned
    nodeA.endpoint.membersChanged(List.of("a", "b", "c"));
    answerOf(nodeA, "c", Op.RUNS.request()).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(channel.copiesToB.get()).as("copies sent to b, the first before its cache closed").isEqualTo(1);
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void copiesToANodeWhereTheCacheDoesNotRunFailAtOnce() {
    int first = FreePorts.next();
    int second = FreePorts.next();
    String hosts = FreePorts.loopbackHosts(first, second);
    VelaCluster a = kept(node(first, hosts));
    VelaCluster b = kept(node(second, hosts));
    a.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(40));
    AtomicReference<PartitionOnA> nodeA = new AtomicReference<>();
    CacheChannel channel = kept(a.join("copies", joined -> {
      nodeA.set(new PartitionOnA("copies", joined));
      return nodeA.get().endpoint;
    }));
    kept(nodeA.get());
    Map<String, Versioned<String>> copies = Map.of("k", new Versioned<>(
        new Version(System.currentTimeMillis() << 16, channel.self()), new StoredEntry<>("v", StoredEntry.NO_EXPIRY, Set.of())));

    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> nodeA.get().remote.copy(b.localMember(), copies))
            .isInstanceOf(VelaException.class)
            .hasMessageContaining("cache 'copies' does not run on node " + b.localMember()));
  }

  /** A node whose rpcTimeout is far longer than the test waits: a failure must come from the other node. */
  private static VelaCluster node(int port, String hosts) {
    return VelaCluster.builder().clusterName("closed-receiver").port(port).initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500)).rpcTimeout(Duration.ofMinutes(1)).start();
  }

  private static CompletableFuture<byte[]> answerOf(PartitionOnA node, String from, CodecOutput request) {
    CompletableFuture<byte[]> answered = new CompletableFuture<>();
    node.endpoint.handle(from, request.toByteArray(), answered::complete);
    return answered;
  }

  private <T extends AutoCloseable> T kept(T closeable) {
    opened.add(closeable);
    return closeable;
  }
}
