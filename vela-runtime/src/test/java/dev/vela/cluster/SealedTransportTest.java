package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.Protocol;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes with one {@code clusterSecret}; a protocol under the seal of the first flips one byte
 * of every message it sends to the second, as a man in the middle would. Those messages fail their
 * tag there and are dropped: the second node's cache endpoint never receives a changed request,
 * and the call gets no answer. Once the flipping stops, calls go through unchanged.
 */
class SealedTransportTest {
  private static final String SECRET = "correct horse battery staple";

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aMessageChangedInTransitIsRejectedNeverDelivered() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String name = "sealed-" + Long.toHexString(System.nanoTime());
    try (VelaCluster a = node(name, ports[0], hosts); VelaCluster b = node(name, ports[1], hosts)) {
      a.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(30));
      b.awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(30));
      List<String> received = new CopyOnWriteArrayList<>();
      b.join("echo", new Echo(received));
      CacheChannel fromA = a.join("echo", new Echo(new CopyOnWriteArrayList<>()));
      assertThat(call(fromA, b, "before", Duration.ofSeconds(10))).isEqualTo("before");

      Address bAddress = a.jgroupsChannel().getView().getMembers().stream()
          .filter(member -> member.toString().equals(b.localMember())).findFirst().orElseThrow();
      FlipByte flip = new FlipByte(bAddress);
      a.jgroupsChannel().getProtocolStack().insertProtocol(flip, ProtocolStack.Position.ABOVE, TCP.class);
      SealedTransport bSeal = b.jgroupsChannel().getProtocolStack().findProtocol(SealedTransport.class);
      long rejectedBefore = bSeal.rejected();

      assertThatThrownBy(() -> call(fromA, b, "tampered", Duration.ofSeconds(2)))
          .isInstanceOf(ExecutionException.class);
      assertThat(flip.flipped).as("messages flipped on the way").isPositive();
      assertThat(bSeal.rejected() - rejectedBefore).as("messages the second node rejected").isPositive();

      flip.armed = false;
      assertThat(call(fromA, b, "after", Duration.ofSeconds(10))).isEqualTo("after");
      // what arrived is exactly what was sent: the request of the failed call at most, retransmitted
      // unchanged once the flipping stopped, never a changed one
      assertThat(received).containsSubsequence("before", "after").isSubsetOf("before", "tampered", "after");
    }
  }

  private static String call(CacheChannel channel, VelaCluster to, String text, Duration timeout) throws Exception {
    byte[] reply = channel.call(to.localMember(), text.getBytes(StandardCharsets.UTF_8), timeout)
        .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    return new String(reply, StandardCharsets.UTF_8);
  }

  private static VelaCluster node(String name, int port, String hosts) {
    return VelaCluster.builder().clusterName(name).port(port).initialHosts(hosts).joinTimeout(Duration.ofMillis(500))
        .clusterSecret(SECRET).start();
  }

  /** Answers every request with its own bytes, noting each one. */
  private record Echo(List<String> received) implements CacheEndpoint {
    @Override
    public void handle(String from, byte[] request, Consumer<byte[]> reply) {
      received.add(new String(request, StandardCharsets.UTF_8));
      reply.accept(request);
    }

    @Override
    public void membersChanged(List<String> members) {}
  }

  /** Flips a byte in the middle of every message to one member while armed, as a man in the middle. */
  private static final class FlipByte extends Protocol {
    private final Address target;
    volatile boolean armed = true;
    volatile int flipped;

    FlipByte(Address target) {
      this.target = target;
    }

    @Override
    public Object down(Message msg) {
      if (armed && target.equals(msg.getDest()) && msg.getLength() > 0) {
        Message copy = msg.copy(true, true);
        byte[] bytes = copy.getArray().clone();
        bytes[copy.getOffset() + copy.getLength() / 2] ^= 0x01;
        copy.setArray(bytes, copy.getOffset(), copy.getLength());
        flipped++;
        return down_prot.down(copy);
      }
      return down_prot.down(msg);
    }
  }
}
