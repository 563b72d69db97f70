package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node "a" was stopped long enough for "b" to exclude it, and "b" took a write of a key "a" owns
 * meanwhile. When "b" finds "a" again, "a" asks "b" for that key's newer copy before serving it;
 * here the question fails (lost or late under load). "a" never serves its own older copy: it asks
 * again and serves "b"'s copy once one question is answered, and when none is within the rpcTimeout
 * the read fails with a VelaException that says why.
 */
class FailedCatchUpTest {
  private static final long DEADLINE_SECONDS = 10;
  private static final Duration RPC_TIMEOUT = Duration.ofMillis(600);

  /** Node "b": fails the first {@code failHeld} HELD questions at once as timed out, then answers with its newer write. */
  private static final class OtherSide extends TwoNodeChannel {
    final AtomicInteger heldAsked = new AtomicInteger();
    volatile int failHeld;
    volatile PartitionOnA nodeA;
    volatile Versioned<String> held;

    OtherSide() {
      super(RPC_TIMEOUT);
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request.length > 0 && request[0] == Op.HELD.code()) {
        if (heldAsked.incrementAndGet() <= failHeld) {
          return CompletableFuture.failedFuture(new TimeoutException("no answer from b within " + timeout));
        }
        CodecOutput out = Reply.ok();
        new KeyMessages<>(nodeA.wire).writeHeld(out, held);
        return CompletableFuture.completedFuture(out.toByteArray());
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final OtherSide b = new OtherSide();
  private final PartitionOnA nodeA = new PartitionOnA("catchup", b);
  private String key;

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void aFailedQuestionIsAskedAgainAndTheNewerWriteIsServed() throws Exception {
    backFromApart();
    b.failHeld = 3;

    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
    assertThat(b.heldAsked).as("three failed questions, then one answered").hasValue(4);
    assertThat(nodeA.backend.get(key)).as("kept here").isEqualTo("written while a was stopped");
  }

  @Test
  void whenNoQuestionIsAnsweredTheReadFailsInsteadOfServingTheOlderCopy() throws Exception {
    backFromApart();
    b.failHeld = Integer.MAX_VALUE;

    long start = System.nanoTime();
    assertThatThrownBy(() -> nodeA.partition.get(key, Hop.ROUTED))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("members back from being apart (b)")
        .hasMessageContaining("rpcTimeout");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(b.heldAsked.get()).as("asked again before giving up").isGreaterThan(1);
    assertThat(tookMillis).as("ends about the rpcTimeout").isBetween(RPC_TIMEOUT.toMillis() - 50, 5_000L);
    assertThatThrownBy(() -> nodeA.partition.entry(key, Hop.ROUTED)).isInstanceOf(VelaException.class);
    assertThat(nodeA.backend.get(key)).as("the older copy stays, unserved").isEqualTo("before the pause");

    b.failHeld = 0; // b answers again
    assertThat(nodeA.partition.get(key, Hop.ROUTED)).isEqualTo("written while a was stopped");
  }

  /** "a" and "b" share a ring, "a" holds an older write of a key it owns, and "b" says it had lost "a". */
  private void backFromApart() throws Exception {
    b.nodeA = nodeA;
    nodeA.startWithB();
    key = nodeA.keyOwnedHere();
    nodeA.partition.put(key, PartitionOnA.entry("before the pause"), Hop.FORWARDED);
    b.held = new Versioned<>(new Version((nodeA.clock.millis() + 60_000) << 16, "b"),
        PartitionOnA.entry("written while a was stopped"));
    nodeA.answerOf("b", PartitionOnA.runs(true)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    assertThat(nodeA.routing.state().otherSide()).isNotNull();
  }
}
