package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster calls travel out of band, so two messages from one node can be handled in either order.
 * A message that a cache sent just before it closed, and that arrives after its notice of leaving,
 * must not bring the closed cache back into the ring, and a copy sent to it must not hold up its
 * next start. A write that arrives after its caller stopped waiting for it is refused. A request
 * that is not one at all is answered with an error.
 */
class LateMessagesTest {
  private static final long DEADLINE_SECONDS = 10;

  /** Every other node answers every call at once, as a node that runs the cache does. */
  private static final class AnsweringChannel extends TwoNodeChannel {
    AnsweringChannel() {
      super(Duration.ofSeconds(10), List.of("a", "b", "c"));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final PartitionOnA nodeA = new PartitionOnA("late", new AnsweringChannel());

  @AfterEach
  void close() {
    nodeA.close();
  }

  @Test
  void aHandoverDoneThatArrivesAfterItsSenderLeftDoesNotRouteKeysToIt() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    nodeA.endpoint.membersChanged(List.of("a", "b"));
    answerOf("b", Op.RUNS.request()).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // held until a's ring holds b
    String ringWithB = Routing.ringId(nodeA.routing.ring());
    assertThat(nodeA.routing.ring().members()).containsExactlyInAnyOrder("a", "b");

    answerOf("b", Op.LEAVING.request()).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // b's cache closed
    assertThat(nodeA.routing.ring().members()).containsExactly("a");
    CodecOutput handoverDone = Op.HANDOVER_DONE.request();
    handoverDone.writeString(ringWithB);
    answerOf("b", handoverDone).get(DEADLINE_SECONDS, TimeUnit.SECONDS); // sent by b before it closed

    // a later view with "c": once a's ring holds c, a has followed whatever the late message set off
    nodeA.endpoint.membersChanged(List.of("a", "b", "c"));
    answerOf("c", Op.RUNS.request()).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    assertThat(nodeA.routing.ring().members())
        .as("b's cache closed: no key is routed to it")
        .containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void aCopyThatComesBeforeTheFirstRingIsRefusedSoonSoItsSenderKeepsIt() throws Exception {
    // sent to this cache's last start, and delayed until it started again: its sender's thread
    // waits for the answer, and must be free to answer the first ring's question in time
    CodecOutput copy = Op.COPY.request();
    nodeA.wire.writeVersioned(copy, Map.of("k", new Versioned<>(
        new Version(nodeA.clock.millis() << 16, "b"), new StoredEntry<>("v", StoredEntry.NO_EXPIRY, Set.of()))));

    byte[] refused = answerOf("b", copy).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(nodeA.endpoint.firstView().getCount()).as("the first ring is not built yet").isOne();
    assertThatThrownBy(() -> Reply.read("a", refused))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("has not followed its first cluster view within 100ms");
    assertThat(nodeA.backend.get("k")).isNull();
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    Reply.read("a", answerOf("b", copy).get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertThat(nodeA.backend.get("k")).as("sent again after the first ring").isEqualTo("v");
  }

  @Test
  void aWriteThatArrivesAfterItsCallerStoppedWaitingIsRefused() throws Exception {
    // it sat in this node's socket while the node was stopped: its caller has written the key again
    // elsewhere since, and applied now it would get a later version than that write
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    long stillWaiting = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS);
    long gaveUp = System.currentTimeMillis() - 1_000;
    Reply.read("a", answerOf("b", forwarded(Op.PUT, "k", "v", stillWaiting)).get(DEADLINE_SECONDS, TimeUnit.SECONDS));

    byte[] latePut = answerOf("b", forwarded(Op.PUT, "k", "late", gaveUp)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    byte[] lateDelete = answerOf("b", forwarded(Op.DELETE, "k", null, gaveUp)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThatThrownBy(() -> Reply.read("a", latePut))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("refused a put that came")
        .hasMessageContaining("after its caller stopped waiting for it");
    assertThatThrownBy(() -> Reply.read("a", lateDelete))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("refused a delete");
    assertThat(nodeA.backend.get("k")).as("the write made in time, neither late one").isEqualTo("v");
  }

  /** A PUT (of {@code value}) or DELETE of {@code key} forwarded by its caller, who waits until {@code deadline}. */
  private CodecOutput forwarded(Op op, String key, String value, long deadline) {
    CodecOutput out = op.request();
    out.writeByte(Hop.FORWARDED.code());
    nodeA.wire.writeKey(out, key);
    if (value != null) {
      nodeA.wire.writeEntry(out, new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of()));
    }
    out.writeLong(deadline); // as WriteDeadline ends a write request
    return out;
  }

  @Test
  void anEmptyRequestIsAnsweredWithAnError() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();

    byte[] reply = answerOf("b", new CodecOutput(0)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThatThrownBy(() -> Reply.read("a", reply)).isInstanceOf(VelaException.class);
  }

  @Test
  void aRequestWithACodeNoVersionSendsIsAnsweredWithAnErrorThatSaysSo() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    CodecOutput unknown = new CodecOutput();
    unknown.writeByte(99);

    byte[] reply = answerOf("b", unknown).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThatThrownBy(() -> Reply.read("a", reply))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("unknown request code 99")
        .hasMessageContaining("do all nodes run one version?");
  }

  private CompletableFuture<byte[]> answerOf(String from, CodecOutput request) {
    CompletableFuture<byte[]> answered = new CompletableFuture<>();
    nodeA.endpoint.handle(from, request.toByteArray(), answered::complete);
    return answered;
  }
}
