package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import dev.vela.codec.Codecs;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the new owner of some keys cannot be reached during a join, the old owner keeps them, tries
 * again with growing pauses, and says it is done only once they have arrived: until then the new
 * owner keeps asking it for them.
 */
class HandoverRetryTest {
  private static final int KEYS = 50;
  private static final int FAILED_ATTEMPTS = 2;

  /** Node "b" runs the cache; its first copies fail as if it could not be reached, and later ones arrive. */
  private static final class FlakyChannel implements CacheChannel {
    final List<Op> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger failedCopies = new AtomicInteger();
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
      if (op == Op.COPY && failedCopies.get() < FAILED_ATTEMPTS) {
        failedCopies.incrementAndGet();
        return CompletableFuture.failedFuture(new VelaException("node b could not be reached"));
      }
      delivered.add(op);
      if (op == Op.HANDOVER_DONE) {
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

  private final FlakyChannel channel = new FlakyChannel();
  private PartitionEndpoint<String, String> endpoint;

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void keysThatCouldNotBeHandedOverStayUntilARetryDeliversThem() throws Exception {
    InstantSource clock = InstantSource.system();
    Wire<String, String> wire = new Wire<>(Codecs.STRING, Codecs.STRING, clock, error -> {});
    MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
    Routing routing = new Routing("a");
    Remote<String, String> remote = new Remote<>("flaky", channel, wire, () -> routing.ring().members());
    Partition<String, String> partition = new Partition<>(
        "a", backend, routing, remote, wire, 0, new HybridClock(clock), new VersionTable<>(clock, Duration.ofMinutes(2)));
    PartitionChangeFeed<String> changes = new PartitionChangeFeed<>(channel, wire, () -> routing.ring().members());
    Membership membership = new Membership("flaky", "a", routing, remote,
        new Migration<>("flaky", partition, backend, remote), partition.claims(), partition.locks(), changes);
    endpoint = new PartitionEndpoint<>("flaky", partition, backend, routing, remote, wire, membership,
        () -> CacheStats.EMPTY, changes);
    endpoint.membersChanged(List.of("a"));
    assertThat(endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < KEYS; i++) {
      partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }

    endpoint.membersChanged(List.of("a", "b")); // "b" joins and owns about half the keys

    assertThat(channel.done.await(30, TimeUnit.SECONDS)).as("the handover was finished").isTrue();
    assertThat(channel.failedCopies.get()).isEqualTo(FAILED_ATTEMPTS);
    assertThat(channel.delivered.indexOf(Op.COPY)).as("the keys arrived before the handover was declared done")
        .isGreaterThanOrEqualTo(0)
        .isLessThan(channel.delivered.indexOf(Op.HANDOVER_DONE));
    long kept = backend.size();
    assertThat(kept).as("the keys now owned by b have left a").isPositive().isLessThan(KEYS);
  }
}
