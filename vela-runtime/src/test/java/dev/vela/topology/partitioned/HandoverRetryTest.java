package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
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
  private static final class FlakyChannel extends TwoNodeChannel {
    final List<Op> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger failedCopies = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);

    FlakyChannel() {
      super(Duration.ofSeconds(3));
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
  }

  private final FlakyChannel channel = new FlakyChannel();
  private final PartitionOnA nodeA = new PartitionOnA("flaky", channel);

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void keysThatCouldNotBeHandedOverStayUntilARetryDeliversThem() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < KEYS; i++) {
      nodeA.partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }

    nodeA.endpoint.membersChanged(List.of("a", "b")); // "b" joins and owns about half the keys

    assertThat(channel.done.await(30, TimeUnit.SECONDS)).as("the handover was finished").isTrue();
    assertThat(channel.failedCopies.get()).isEqualTo(FAILED_ATTEMPTS);
    assertThat(channel.delivered.indexOf(Op.COPY)).as("the keys arrived before the handover was declared done")
        .isGreaterThanOrEqualTo(0)
        .isLessThan(channel.delivered.indexOf(Op.HANDOVER_DONE));
    long kept = nodeA.backend.size();
    assertThat(kept).as("the keys now owned by b have left a").isPositive().isLessThan(KEYS);
  }
}
