package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import dev.vela.codec.Codecs;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.version.Version;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handovers that cross a leave. A node that joins and leaves again at once hands the keys it was
 * just given back to their old owner, possibly before that owner's handover to it has finished: the
 * old owner must keep them. And a node that has begun to leave refuses copies, so their sender
 * keeps them instead of losing them with the leaving node.
 */
class HandoverRacesTest {
  private static final int KEYS = 50;

  /** Node "b" runs the cache and hands every copy it receives straight back, as a leaving node does. */
  private final class BouncingChannel implements CacheChannel {
    final AtomicInteger bounced = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);

    @Override
    public String self() {
      return "a";
    }

    @Override
    public List<String> members() {
      return List.of("a", "b");
    }

    @Override
    public Duration rpcTimeout() {
      return Duration.ofSeconds(3);
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      Op op = Op.of(request[0]);
      if (op == Op.COPY) {
        CompletableFuture<byte[]> handedBack = new CompletableFuture<>();
        endpoint.handle("b", request, handedBack::complete);
        handedBack.orTimeout(10, TimeUnit.SECONDS).join();
        bounced.incrementAndGet();
      } else if (op == Op.HANDOVER_DONE) {
        done.countDown();
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }

    @Override
    public Map<String, byte[]> callOthers(byte[] request) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public void awaitMembers(RequiredMembers required, Duration timeout) {}

    @Override
    public void close() {}
  }

  private final BouncingChannel channel = new BouncingChannel();
  private PartitionEndpoint<String, String> endpoint;

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private final InstantSource clock = InstantSource.system();
  private final Wire<String, String> wire = new Wire<>(Codecs.STRING, Codecs.STRING, clock, error -> {});

  @Test
  void keysHandedBackBeforeTheHandoverEndsStayWithTheOldOwner() throws Exception {
    MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
    Routing routing = new Routing("a");
    Remote<String, String> remote = new Remote<>("bounce", channel, wire, () -> routing.ring().members());
    Partition<String, String> partition = new Partition<>(
        "a", backend, routing, remote, wire, 0, new HybridClock(clock), new VersionTable<>(clock, Duration.ofMinutes(2)));
    PartitionChangeFeed<String> changes = new PartitionChangeFeed<>(channel, wire, () -> routing.ring().members());
    Membership membership = new Membership("bounce", "a", routing, remote,
        new Migration<>("bounce", partition, backend, remote), partition.claims(), partition.locks(), changes);
    endpoint = new PartitionEndpoint<>("bounce", partition, backend, routing, remote, wire, membership,
        () -> CacheStats.EMPTY, changes);
    endpoint.membersChanged(List.of("a"));
    assertThat(endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < KEYS; i++) {
      partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }

    endpoint.membersChanged(List.of("a", "b")); // "b" joins, owns about half the keys, and hands them back

    assertThat(channel.done.await(30, TimeUnit.SECONDS)).as("the handover was finished").isTrue();
    assertThat(channel.bounced.get()).as("copies went to b and came back").isPositive();
    assertThat(backend.size()).as("keys handed back are kept").isEqualTo(KEYS);
    for (int i = 0; i < KEYS; i++) {
      assertThat(backend.get("k" + i)).isEqualTo("v" + i);
    }
  }

  @Test
  void aLeavingNodeRefusesCopiesSoTheirSenderKeepsThem() {
    MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
    Routing routing = new Routing("a");
    Remote<String, String> remote = new Remote<>("leave", channel, wire, () -> routing.ring().members());
    Partition<String, String> partition = new Partition<>(
        "a", backend, routing, remote, wire, 0, new HybridClock(clock), new VersionTable<>(clock, Duration.ofMinutes(2)));
    Versioned<String> copy = new Versioned<>(new Version(clock.millis() << 16, "b"),
        new StoredEntry<>("v", StoredEntry.NO_EXPIRY, Set.of()));
    partition.apply(Map.of("before", copy));

    partition.leave();

    assertThatThrownBy(() -> partition.apply(Map.of("after", copy)))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("is leaving");
    assertThat(backend.get("before")).as("a copy applied before the leave is there to hand over").isEqualTo("v");
    assertThat(backend.get("after")).as("a refused copy is not stored").isNull();
  }
}
