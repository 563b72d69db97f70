package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.codec.CodecOutput;
import dev.vela.testing.Concurrently;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node "a" has just joined "b": keys "a" now owns may still be on "b" until "b" says its handover
 * is done, so a read or delete of such a key that finds nothing here asks "b". When "b" cannot be
 * asked while it is still in the ring and the cluster's view, it may hold the key's latest
 * acknowledged write: the call fails with a VelaException that names it, never answering "absent".
 * Once "b" has left the ring, or the view ahead of the ring, its keys were handed over, and
 * "absent" is the answer.
 */
class UnansweredHolderTest {
  private static final long DEADLINE_SECONDS = 10;

  /** Node "b": while {@code answers} is false, every read or delete sent to it times out; else it holds {@code held}. */
  private static final class HandingOver extends TwoNodeChannel {
    final AtomicInteger asked = new AtomicInteger();
    volatile boolean answers;
    volatile boolean inView = true;
    volatile PartitionOnA nodeA;

    HandingOver() {
      super(Duration.ofMillis(300));
    }

    @Override
    public List<String> members() {
      return inView ? List.of("a", "b") : List.of("a");
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      Op op = Op.of(request[0]);
      if (op != Op.GET && op != Op.ENTRY && op != Op.DELETE) {
        return CompletableFuture.completedFuture(Reply.okEmpty());
      }
      asked.incrementAndGet();
      if (!inView) { // as the node's channel answers for a member that has left its view
        return CompletableFuture.failedFuture(new VelaException("node b is not a member of cluster 'holder'"));
      }
      if (!answers) {
        return CompletableFuture.failedFuture(new TimeoutException("no answer from b within " + timeout));
      }
      CodecOutput out = Reply.ok();
      KeyMessages<String, String> messages = new KeyMessages<>(nodeA.wire);
      switch (op) {
        case GET -> messages.writeValue(out, "held by b");
        case ENTRY -> messages.writeEntry(out, PartitionOnA.entry("held by b"));
        default -> KeyMessages.writeRemoval(out, new Removal(true, null));
      }
      return CompletableFuture.completedFuture(out.toByteArray());
    }
  }

  private final HandingOver b = new HandingOver();
  private final PartitionOnA nodeA = new PartitionOnA("holder", b);
  private String key;

  @BeforeEach
  void joinB() throws Exception {
    b.nodeA = nodeA;
    nodeA.startWithB();
    assertThat(nodeA.routing.state().awaiting()).as("b has not said its handover is done").containsExactly("b");
    key = nodeA.keyOwnedHere();
  }

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void readsAndDeletesFailWhileTheHolderInTheRingCannotBeAsked() {
    for (Runnable call : List.<Runnable>of(
        () -> nodeA.partition.get(key, Hop.ROUTED),
        () -> nodeA.partition.entry(key, Hop.ROUTED),
        () -> nodeA.partition.delete(key, Hop.ROUTED))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("node b, which may still hold this key")
          .hasMessageContaining("retry once b answers again or leaves the view");
    }
    assertThat(b.asked).as("b was asked each time").hasValue(3);
  }

  @Test
  void whenTheHolderAnswersItsCopyIsServed() {
    b.answers = true;

    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("held by b");
    assertThat(nodeA.partition.entry(key, Hop.ROUTED).value()).isEqualTo("held by b");
    assertThat(nodeA.partition.delete(key, Hop.ROUTED).removed()).as("b removed its copy").isTrue();
  }

  @Test
  void aHolderThatLeftTheRingHandedItsKeysOverSoAbsentIsTheAnswer() {
    nodeA.endpoint.membersChanged(List.of("a"));
    Concurrently.await(Duration.ofSeconds(DEADLINE_SECONDS), "a ring without b",
        () -> nodeA.routing.ring().members().equals(List.of("a")));
    b.asked.set(0);

    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isNull();
    assertThat(nodeA.partition.entry(key, Hop.ROUTED)).isNull();
    assertThat(nodeA.partition.delete(key, Hop.ROUTED).removed()).isFalse();
    assertThat(b.asked).as("no one left to ask").hasValue(0);
  }

  @Test
  void aHolderGoneFromTheViewBeforeThisCacheHeardOfItCountsAsLeft() {
    b.inView = false; // the cluster's view has lost b; the view is on its way to this cache, whose ring still has b

    assertThat(nodeA.routing.ring().members()).contains("b");
    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isNull();
    assertThat(nodeA.partition.entry(key, Hop.ROUTED)).isNull();
    assertThat(nodeA.partition.delete(key, Hop.ROUTED).removed()).isFalse();
  }
}
