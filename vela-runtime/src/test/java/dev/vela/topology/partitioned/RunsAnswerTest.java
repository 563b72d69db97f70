package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member that asks node "a" whether it runs the cache hears the answer only once a's ring
 * includes it, so that when the asker's {@code create()} returns both route every key alike; but
 * never later than a limit, and at once while a's own first ring is not built.
 */
class RunsAnswerTest {
  private static final long DEADLINE_SECONDS = 10;
  private static final int KEYS = 50;
  private static final int MANY_KEYS = 5_000; // about half are b's: six batches of copies

  /**
   * Node "b" and node "c" say at once that they run the cache; the copies a's handover sends to
   * "b" wait until the test lets them through, and with them a's view-following thread.
   */
  private static final class HeldHandoverChannel extends TwoNodeChannel {
    final CompletableFuture<byte[]> copiesArrive = new CompletableFuture<>();
    final CountDownLatch handingOver = new CountDownLatch(1);
    final AtomicInteger copies = new AtomicInteger();

    HeldHandoverChannel(Duration rpcTimeout) {
      super(rpcTimeout);
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.COPY.code()) {
        copies.incrementAndGet();
        handingOver.countDown();
        return copiesArrive;
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private HeldHandoverChannel channel;
  private PartitionOnA nodeA;

  private void start(Duration rpcTimeout) throws InterruptedException {
    start(rpcTimeout, KEYS);
  }

  private void start(Duration rpcTimeout, int keys) throws InterruptedException {
    channel = new HeldHandoverChannel(rpcTimeout);
    nodeA = new PartitionOnA("asked", channel);
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < keys; i++) {
      nodeA.partition.put("k" + i, new StoredEntry<>("v" + i, StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    }
  }

  /** "b" joins; a's thread that follows views is then held in the handover of b's keys. */
  private void holdAInAHandover() throws InterruptedException {
    nodeA.endpoint.membersChanged(List.of("a", "b"));
    assertThat(channel.handingOver.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("a hands keys to b").isTrue();
  }

  /** Asks "a", as node "c", whether it runs the cache; completes with whether a's ring held "c" as the answer went out. */
  private CompletableFuture<Boolean> askAsC() {
    CompletableFuture<Boolean> answered = new CompletableFuture<>();
    nodeA.endpoint.handle("c", Op.RUNS.request().toByteArray(),
        reply -> answered.complete(nodeA.routing.ring().contains("c")));
    return answered;
  }

  @AfterEach
  void close() {
    if (channel != null) {
      channel.copiesArrive.complete(Reply.okEmpty());
      nodeA.close();
    }
  }

  @Test
  void theAnswerGoesOutOnceTheRingIncludesTheAsker() throws Exception {
    start(Duration.ofSeconds(60));
    holdAInAHandover();
    nodeA.endpoint.membersChanged(List.of("a", "b", "c")); // followed after the handover

    CompletableFuture<Boolean> answered = askAsC();

    assertThat(answered).as("no answer while a's ring does not hold c").isNotDone();
    channel.copiesArrive.complete(Reply.okEmpty());
    assertThat(answered.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("a's ring held c as c heard the answer").isTrue();
  }

  @Test
  void aMemberThatAsksDuringALongHandoverJoinsTheRingAfterTheBatchUnderWay() throws Exception {
    start(Duration.ofSeconds(60), MANY_KEYS);
    holdAInAHandover();
    nodeA.endpoint.membersChanged(List.of("a", "b", "c"));
    CompletableFuture<Integer> answered = new CompletableFuture<>();
    nodeA.endpoint.handle("c", Op.RUNS.request().toByteArray(), reply -> answered.complete(channel.copies.get()));

    channel.copiesArrive.complete(Reply.okEmpty());

    assertThat(answered.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
        .as("batches a had sent as c heard its answer: the handover let the new view in after the first")
        .isEqualTo(1);
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aQuestionThatComesBeforeTheViewWithTheAskerWaitsForThatView() throws Exception {
    start(Duration.ofSeconds(60));

    CompletableFuture<Boolean> answered = askAsC();

    assertThat(answered).as("c is not in a's view yet").isNotDone();
    nodeA.endpoint.membersChanged(List.of("a", "c"));
    assertThat(answered.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anAnswerHeldTooLongGoesOutAnywaySoTheAskerIsNeverStuck() throws Exception {
    start(Duration.ofSeconds(1)); // held at most half of it
    holdAInAHandover();
    nodeA.endpoint.membersChanged(List.of("a", "b", "c"));

    CompletableFuture<Boolean> answered = askAsC();

    assertThat(answered.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("answered while a was still handing over").isFalse();
  }

  @Test
  void beforeItsFirstRingIsBuiltANodeAnswersAtOnce() {
    channel = new HeldHandoverChannel(Duration.ofSeconds(60));
    nodeA = new PartitionOnA("asked", channel);

    CompletableFuture<Boolean> answered = askAsC();

    // two nodes that start together ask each other: waiting here would hold up both first rings
    assertThat(answered).isCompleted();
  }
}
