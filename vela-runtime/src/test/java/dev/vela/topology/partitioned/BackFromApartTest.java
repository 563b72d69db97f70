package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node "a" was stopped long enough for "b" to exclude it, and "b" took a write of a key "a" owns
 * meanwhile; "a" never saw a view without "b". When "b" finds "a" again it says it had lost it:
 * from then on, until "b" has moved its keys for their common ring, "a" reads that key's newer
 * copy from "b" rather than serve its own older one, and keeps it.
 */
class BackFromApartTest {
  private static final long DEADLINE_SECONDS = 10;

  /** Node "b": holds a newer write of one key, answers a HELD question with it, every other call at once. */
  private static final class OtherSide extends TwoNodeChannel {
    final AtomicInteger heldAsked = new AtomicInteger();
    /** One permit each time "a" says it moved its keys for its ring. */
    final Semaphore handoversDone = new Semaphore(0);
    volatile PartitionOnA nodeA;
    volatile Versioned<String> held;

    OtherSide() {
      super(Duration.ofSeconds(10));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request.length > 0 && request[0] == Op.HELD.code()) {
        heldAsked.incrementAndGet();
        CodecOutput out = Reply.ok();
        new KeyMessages<>(nodeA.wire).writeHeld(out, held);
        return CompletableFuture.completedFuture(out.toByteArray());
      }
      if (request.length > 0 && request[0] == Op.HANDOVER_DONE.code()) {
        handoversDone.release();
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final OtherSide b = new OtherSide();
  private final PartitionOnA nodeA = new PartitionOnA("apart", b);

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void aNodeThatNeverSawTheSplitReadsTheOtherSidesNewerWriteUntilItHasMovedItsKeys() throws Exception {
    b.nodeA = nodeA;
    nodeA.startWithB();
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b");
    String key = nodeA.keyOwnedHere();
    nodeA.partition.put(key, PartitionOnA.entry("before the pause"), Hop.FORWARDED);
    b.held = new Versioned<>(new Version((nodeA.clock.millis() + 60_000) << 16, "b"), PartitionOnA.entry("written while a was stopped"));

    assertThat(nodeA.partition.get(key, Hop.ROUTED)).as("no one was apart: served here").isEqualTo("before the pause");
    assertThat(b.heldAsked).hasValue(0);

    nodeA.answerOf("b", PartitionOnA.runs(true)).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // b had lost a, and finds it again

    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
    assertThat(nodeA.backend.get(key)).as("kept here").isEqualTo("written while a was stopped");
    assertThat(b.heldAsked).hasValue(1);

    CodecOutput done = Op.HANDOVER_DONE.request();
    done.writeString(Routing.ringId(nodeA.routing.ring()));
    nodeA.answerOf("b", done).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // b moved its keys to a
    assertThat(nodeA.routing.state().otherSide()).isNull();
    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
    assertThat(b.heldAsked).as("served here again").hasValue(1);
  }

  /**
   * The merged view that brings "a" and "b" together again shows that "b" was in a view without
   * "a": from then on "a" reads the newer copy from "b", without waiting for "b" to say it had lost
   * "a" (which it does only once its own ring holds "a" again), and moves its keys again.
   */
  @Test
  void aMergedViewStartsTheCatchUpBeforeTheOtherSideSaysSo() throws Exception {
    b.nodeA = nodeA;
    nodeA.startWithB();
    assertThat(b.handoversDone.tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("keys moved for a, b").isTrue();
    String key = nodeA.keyOwnedHere();
    nodeA.partition.put(key, PartitionOnA.entry("before the pause"), Hop.FORWARDED);
    b.held = new Versioned<>(new Version((nodeA.clock.millis() + 60_000) << 16, "b"),
        PartitionOnA.entry("written while a was stopped"));

    nodeA.endpoint.apartFrom(Set.of("b", "c")); // "c" never ran the cache here: nothing to catch up from it

    assertThat(nodeA.routing.state().otherSide().members()).containsExactly("b");
    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
    assertThat(b.heldAsked).hasValue(1);
    nodeA.endpoint.membersChanged(List.of("a", "b")); // the merged view itself
    assertThat(b.handoversDone.tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("a moved its keys again").isTrue();
  }

  /**
   * "b" said it had moved its keys for the ring of "a" and "b" before "a" followed that ring (as
   * at start-up, when "b" finishes first). After a pause the ring of both has the same members
   * again: that old word must not end the catch-up when "b" says it had lost "a".
   */
  @Test
  void anEarlierHandoverOfTheSameRingDoesNotEndTheCatchUp() throws Exception {
    b.nodeA = nodeA;
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    CodecOutput doneBeforeRing = Op.HANDOVER_DONE.request();
    doneBeforeRing.writeString(Routing.ringId(nodeA.routing.ring().with("b")));
    nodeA.answerOf("b", doneBeforeRing).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // heard before a's ring holds b
    nodeA.endpoint.membersChanged(List.of("a", "b")); // a asks b, which says it runs the cache
    assertThat(b.handoversDone.tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("keys moved for a, b").isTrue();
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b");
    String key = nodeA.keyOwnedHere();
    nodeA.partition.put(key, PartitionOnA.entry("before the pause"), Hop.FORWARDED);
    b.held = new Versioned<>(new Version((nodeA.clock.millis() + 60_000) << 16, "b"), PartitionOnA.entry("written while a was stopped"));

    nodeA.answerOf("b", PartitionOnA.runs(true)).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // b had lost a, and finds it again
    assertThat(b.handoversDone.tryAcquire(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("a moved its keys again").isTrue();

    assertThat(nodeA.routing.state().otherSide()).as("b has not moved its keys since it found a again").isNotNull();
    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
  }
}
