package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that another node forwards to node "a" after a began to leave, and after its handover
 * has read its keys, would be acknowledged and then lost with a: a hands it on to the key's new
 * owner "b" before acknowledging it, or fails it when b does not take it.
 */
class LeavingWritesTest {
  private static final long DEADLINE_SECONDS = 10;

  /** Node "b" runs the cache and keeps the copies it is sent, unless told to refuse them. */
  private final class ReceivingChannel extends TwoNodeChannel {
    final Map<String, Versioned<String>> received = new ConcurrentHashMap<>();
    volatile boolean refuse;

    ReceivingChannel() {
      super(Duration.ofSeconds(10));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.COPY.code()) {
        if (refuse) {
          return CompletableFuture.completedFuture(Reply.error("node b is leaving; keep these keys"));
        }
        CodecInput in = new CodecInput(request);
        in.readUnsignedByte();
        received.putAll(new NodeMessages<>(nodeA.wire).readCopyRequest(in).copies());
      } else if (request[0] == Op.DELETE.code()) {
        CodecOutput removal = Reply.ok(); // b holds none of a's keys outside the copies
        KeyMessages.writeRemoval(removal, new Removal(false, null));
        return CompletableFuture.completedFuture(removal.toByteArray());
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private final ReceivingChannel channel = new ReceivingChannel();
  private final PartitionOnA nodeA = new PartitionOnA("leaving", channel);
  private String keyOfA;

  @BeforeEach
  void startAndLeave() throws Exception {
    nodeA.endpoint.membersChanged(List.of("a", "b"));
    assertThat(nodeA.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; keyOfA == null; i++) {
      keyOfA = nodeA.partition.ownerOf("k" + i).equals("a") ? "k" + i : null;
    }
  }

  @AfterEach
  void close() {
    nodeA.close();
  }

  /** a begins to leave and hands over what it holds now, as {@code close()} does; then the writes below arrive. */
  private void leaveAndHandOver() {
    assertThat(nodeA.migration.moveTo(nodeA.partition.copies().leave())).isTrue();
    channel.received.clear();
  }

  private byte[] forwardedPut(String key, String value) {
    CodecOutput out = Op.PUT.request();
    out.writeByte(Hop.FORWARDED.ordinal());
    nodeA.wire.writeKey(out, key);
    nodeA.wire.writeEntry(out, new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of()));
    return WriteDeadline.append(out.toByteArray(), Duration.ofSeconds(DEADLINE_SECONDS));
  }

  private byte[] forwardedDelete(String key) {
    CodecOutput out = Op.DELETE.request();
    out.writeByte(Hop.FORWARDED.ordinal());
    nodeA.wire.writeKey(out, key);
    return WriteDeadline.append(out.toByteArray(), Duration.ofSeconds(DEADLINE_SECONDS));
  }

  /** Sends {@code request} to a as node "c" would, and reads a's answer. */
  private CodecInput ask(byte[] request) throws Exception {
    CompletableFuture<byte[]> replied = new CompletableFuture<>();
    nodeA.endpoint.handle("c", request, replied::complete);
    return Reply.read("a", replied.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void aWriteForwardedAfterTheHandoverGoesOnToTheNewOwnerBeforeItIsAcknowledged() throws Exception {
    leaveAndHandOver();

    Version version = Version.read(ask(forwardedPut(keyOfA, "late")));

    assertThat(channel.received).containsKey(keyOfA);
    assertThat(channel.received.get(keyOfA).version()).isEqualTo(version);
    assertThat(channel.received.get(keyOfA).entry().value()).isEqualTo("late");
  }

  @Test
  void aRemovalForwardedAfterTheHandoverGoesOnToTheNewOwner() throws Exception {
    nodeA.partition.put(keyOfA, new StoredEntry<>("early", StoredEntry.NO_EXPIRY, Set.of()), Hop.FORWARDED);
    leaveAndHandOver(); // the key has moved to b

    CodecInput answer = ask(forwardedDelete(keyOfA));
    answer.readBoolean(); // whether a still held it
    assertThat(answer.readBoolean()).as("the removal has a version").isTrue();
    Version removal = Version.read(answer);

    assertThat(channel.received).containsKey(keyOfA);
    assertThat(channel.received.get(keyOfA).isRemoval()).isTrue();
    assertThat(channel.received.get(keyOfA).version()).isEqualTo(removal);
  }

  @Test
  void whenTheNewOwnerDoesNotTakeItTheWriteFailsInsteadOfBeingLost() {
    leaveAndHandOver();
    channel.refuse = true;

    assertThatThrownBy(() -> ask(forwardedPut(keyOfA, "late")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("is leaving and could not hand 1 write(s) on to their new owner b");
  }

  @Test
  void beforeTheLeaveAWriteStaysWithItsOwnerAlone() throws Exception {
    Version version = Version.read(ask(forwardedPut(keyOfA, "kept")));

    assertThat(version.node()).isEqualTo("a");
    assertThat(nodeA.backend.get(keyOfA)).isEqualTo("kept");
    assertThat(channel.received).as("nothing handed on").isEmpty();
  }
}
