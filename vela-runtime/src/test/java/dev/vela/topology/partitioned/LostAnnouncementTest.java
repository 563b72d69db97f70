package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node "a" asks "b" whether it runs the cache, and the answer is lost (it came after the
 * rpcTimeout on a busy machine, or b's cache had not started yet); b's own question to a is lost
 * too, so a hears of b from nobody else. a asks again, and its ring includes b: before, its ring
 * stayed without b for as long as both were in the view (a fourth node that joined under load
 * once routed over 3 of 4 members for 45 s).
 */
class LostAnnouncementTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  /** The first {@code lost} questions to "b" get no answer in time; the later ones are answered. */
  private static class LosingChannel extends TwoNodeChannel {
    final AtomicInteger asked = new AtomicInteger();
    private final int lost;
    private final VelaException failure;

    LosingChannel(int lost, VelaException failure) {
      super(Duration.ofSeconds(60));
      this.lost = lost;
      this.failure = failure;
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.RUNS.code() && asked.incrementAndGet() <= lost) {
        return CompletableFuture.failedFuture(failure);
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  /** "b" answers that it runs the cache only after {@code delay}, as a busy node whose ring takes long to hold "a". */
  private static final class SlowChannel extends TwoNodeChannel {
    private final Duration delay;

    SlowChannel(Duration delay) {
      super(Duration.ofSeconds(60));
      this.delay = delay;
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.RUNS.code()) {
        return CompletableFuture.supplyAsync(Reply::okEmpty,
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private PartitionOnA nodeA;

  private LosingChannel start(int lost, VelaException failure) {
    LosingChannel channel = new LosingChannel(lost, failure);
    nodeA = new PartitionOnA("announced", channel);
    return channel;
  }

  @AfterEach
  void close() {
    if (nodeA != null) {
      nodeA.close();
    }
  }

  private static VelaException timedOut() {
    return new VelaException("node b did not answer within rpcTimeout 3s", new TimeoutException());
  }

  @Test
  void aMemberThatJoinsIsAskedAgainUntilItAnswers() throws Exception {
    LosingChannel channel = start(2, timedOut());
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();

    nodeA.endpoint.membersChanged(List.of("a", "b"));

    Concurrently.await(DEADLINE, "a's ring includes b", () -> nodeA.routing.ring().contains("b"));
    assertThat(channel.asked.get()).as("questions to b: two lost, then one answered").isEqualTo(3);
  }

  /**
   * "b" was in the view before "a" and did not answer in time: the others, which heard from it,
   * route keys to it, so a's first ring holds it too, and a goes on asking it.
   */
  @Test
  void aMemberThatDoesNotAnswerInTimeIsInTheFirstRingAndAskedAgain() throws Exception {
    LosingChannel channel = start(1, timedOut());

    nodeA.endpoint.membersChanged(List.of("a", "b"));

    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(nodeA.routing.ring().members()).as("a's first ring").containsExactlyInAnyOrder("a", "b");
    Concurrently.await(DEADLINE, "b answered a second question", () -> channel.asked.get() == 2);
    Concurrently.await(DEADLINE, "b known to run the cache", () -> nodeA.routing.knowsRunning("b"));
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b");
  }

  /** A member presumed to run the cache whose node then says it does not is left out of the ring. */
  @Test
  void aPresumedMemberThatSaysItDoesNotRunTheCacheIsLeftOut() throws Exception {
    VelaException notRunning = new VelaException("cache 'announced' does not run on node b");
    LosingChannel channel = new LosingChannel(Integer.MAX_VALUE, timedOut()) {
      @Override
      public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
        if (request[0] == Op.RUNS.code()) {
          return CompletableFuture.failedFuture(asked.incrementAndGet() == 1 ? timedOut() : notRunning);
        }
        return CompletableFuture.completedFuture(Reply.okEmpty());
      }
    };
    nodeA = new PartitionOnA("announced", channel);

    nodeA.endpoint.membersChanged(List.of("a", "b"));

    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    Concurrently.await(DEADLINE, "a's ring leaves b out", () -> nodeA.routing.ring().members().equals(List.of("a")));
  }

  /**
   * A first ring built before "b" answered would make "a" the owner of keys that b, whose ring
   * holds both, routes to itself: writes acknowledged on a would be missed by reads on b until a's
   * next ring handed them over. It was built after a fixed 500 ms, which a busy machine overran.
   */
  @Test
  void theFirstRingWaitsForAnAnswerThatComesLate() throws Exception {
    nodeA = new PartitionOnA("announced", new SlowChannel(Duration.ofMillis(1_500)));

    nodeA.endpoint.membersChanged(List.of("a", "b"));

    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(nodeA.routing.ring().members()).as("a's first ring").containsExactlyInAnyOrder("a", "b");
  }

  /**
   * A member whose node says the cache does not run there is not asked again: its cache says so
   * itself when it starts, and an answer from a cache that closes again meanwhile could come after
   * its close and bring it back into the ring.
   */
  @Test
  void aMemberWhoseCacheHasNotStartedJoinsWhenItSaysSo() throws Exception {
    LosingChannel channel = start(1, new VelaException("cache 'announced' does not run on node b"));
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(10, TimeUnit.SECONDS)).isTrue();
    nodeA.endpoint.membersChanged(List.of("a", "b"));
    Concurrently.await(DEADLINE, "a asked b", () -> channel.asked.get() == 1);

    CompletableFuture<Void> answered = new CompletableFuture<>();
    nodeA.endpoint.handle("b", Op.RUNS.request().toByteArray(), reply -> answered.complete(null));

    answered.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b");
    assertThat(channel.asked.get()).as("questions to b").isEqualTo(1);
  }
}
