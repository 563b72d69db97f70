package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
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
  private final class BouncingChannel extends TwoNodeChannel {
    final AtomicInteger bounced = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);

    BouncingChannel() {
      super(Duration.ofSeconds(3));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      Op op = Op.of(request[0]);
      if (op == Op.COPY) {
        CompletableFuture<byte[]> handedBack = new CompletableFuture<>();
        nodeA.endpoint.handle("b", request, handedBack::complete);
        handedBack.orTimeout(10, TimeUnit.SECONDS).join();
        bounced.incrementAndGet();
      } else if (op == Op.HANDOVER_DONE) {
        done.countDown();
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final BouncingChannel channel = new BouncingChannel();
  private final PartitionOnA nodeA = new PartitionOnA("races", channel);

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void keysHandedBackBeforeTheHandoverEndsStayWithTheOldOwner() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < KEYS; i++) {
      nodeA.partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }

    nodeA.endpoint.membersChanged(List.of("a", "b")); // "b" joins, owns about half the keys, and hands them back

    assertThat(channel.done.await(30, TimeUnit.SECONDS)).as("the handover was finished").isTrue();
    assertThat(channel.bounced.get()).as("copies went to b and came back").isPositive();
    assertThat(nodeA.backend.size()).as("keys handed back are kept").isEqualTo(KEYS);
    for (int i = 0; i < KEYS; i++) {
      assertThat(nodeA.backend.get("k" + i)).isEqualTo("v" + i);
    }
  }

  @Test
  void aLeavingNodeRefusesCopiesSoTheirSenderKeepsThem() {
    Versioned<String> copy = new Versioned<>(new Version(nodeA.clock.millis() << 16, "b"),
        new StoredEntry<>("v", StoredEntry.NO_EXPIRY, Set.of()));
    nodeA.partition.copies().apply(Map.of("before", copy));

    nodeA.partition.copies().leave();

    assertThatThrownBy(() -> nodeA.partition.copies().apply(Map.of("after", copy)))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("is leaving");
    assertThat(nodeA.backend.get("before")).as("a copy applied before the leave is there to hand over").isEqualTo("v");
    assertThat(nodeA.backend.get("after")).as("a refused copy is not stored").isNull();
  }
}
