package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request whose answer waits for another node (here: a key looked up on its previous owner
 * while keys move) must not hold the network thread it arrived on, or two nodes that call each
 * other could each wait for the other's busy threads.
 */
class NetworkThreadTest {
  private static final long DEADLINE_SECONDS = 10;

  /** A channel to node "b" whose calls wait until the test answers them; "b" says at once that it runs the cache. */
  private static final class HeldChannel extends TwoNodeChannel {
    record Call(String member, byte[] request, CompletableFuture<byte[]> reply) {}

    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    HeldChannel() {
      super(Duration.ofSeconds(30));
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.RUNS.code()) {
        return CompletableFuture.completedFuture(Reply.okEmpty());
      }
      Call call = new Call(member, request, new CompletableFuture<>());
      calls.add(call);
      return call.reply();
    }

    /** The next call of {@code op}, skipping others; null when none comes in time. */
    Call next(Op op) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      for (Call call; (call = calls.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
        if (call.request()[0] == op.code()) {
          return call;
        }
      }
      return null;
    }

    void answerAll() {
      calls.forEach(call -> call.reply().complete(Reply.okEmpty()));
    }
  }

  private final HeldChannel channel = new HeldChannel();
  private final PartitionOnA nodeA = new PartitionOnA("held", channel);

  @AfterEach
  void release() {
    channel.answerAll();
    nodeA.close();
  }

  @Test
  void aRequestThatWaitsForThePreviousOwnerLeavesTheNetworkThreadAtOnce() throws Exception {
    PartitionEndpoint<String, String> endpoint = nodeA.endpoint;
    Routing routing = nodeA.routing;
    Partition<String, String> partition = nodeA.partition;
    Wire<String, String> wire = nodeA.wire;
    endpoint.membersChanged(List.of("a", "b"));
    assertThat(endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    // "a" has just joined: until "b" says it has handed its keys over, "a" asks "b" for keys it does not hold yet
    assertThat(routing.state().previous()).isNotNull();
    String key = "k0";
    for (int i = 1; !partition.ownerOf(key).equals("a"); i++) {
      key = "k" + i;
    }
    CodecOutput get = Op.GET.request();
    get.writeByte(Hop.FORWARDED.ordinal());
    wire.writeKey(get, key);

    CompletableFuture<byte[]> replied = new CompletableFuture<>();
    Thread network = new Thread(() -> endpoint.handle("b", get.toByteArray(), replied::complete), "network");
    network.start();
    network.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(network.isAlive()).as("the network thread came back while the previous owner had not answered").isFalse();

    HeldChannel.Call lookup = channel.next(Op.GET);
    assertThat(lookup).as("the key was looked up on its previous owner").isNotNull();
    assertThat(lookup.member()).isEqualTo("b");
    assertThat(replied).isNotDone();
    CodecOutput absent = Reply.ok();
    absent.writeBoolean(false);
    lookup.reply().complete(absent.toByteArray());
    CodecInput answer = Reply.read("a", replied.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertThat(answer.readBoolean()).as("a miss on both nodes").isFalse();
  }
}
