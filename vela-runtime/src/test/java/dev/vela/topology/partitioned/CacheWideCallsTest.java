package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Cache-wide operations ask every other member that runs the cache, and no other; when one does
 * not answer they fail, naming it, since a sum without its entries would be wrong.
 */
class CacheWideCallsTest {

  /** Members a (this node), b and c run the cache; d is in the view without it. Each answers with its size, 5. */
  private static final class CountingChannel implements CacheChannel {
    final Set<String> asked = ConcurrentHashMap.newKeySet();
    final Set<String> silent = ConcurrentHashMap.newKeySet();

    @Override
    public String self() {
      return "a";
    }

    @Override
    public List<String> members() {
      return List.of("a", "b", "c", "d");
    }

    @Override
    public Duration rpcTimeout() {
      return Duration.ofSeconds(3);
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      asked.add(member);
      if (silent.contains(member)) {
        return CompletableFuture.failedFuture(new VelaException("node " + member + " did not answer", new TimeoutException()));
      }
      CodecOutput out = Reply.ok();
      out.writeVarLong(5);
      return CompletableFuture.completedFuture(out.toByteArray());
    }

    @Override
    public Map<String, byte[]> callOthers(byte[] request) {
      throw new AssertionError("cache-wide calls go to the members that run the cache only");
    }

    @Override
    public void awaitMembers(RequiredMembers required, Duration timeout) {}

    @Override
    public void close() {}
  }

  private final CountingChannel channel = new CountingChannel();
  private final Remote<String, String> remote = new Remote<>(
      "wide", channel, new Wire<>(Codecs.STRING, Codecs.STRING, InstantSource.system(), error -> {}),
      () -> List.of("a", "b", "c"));

  @Test
  void membersWithoutTheCacheAreNotAsked() {
    assertThat(remote.sumOthers(Op.SIZE, null)).isEqualTo(10);
    assertThat(channel.asked).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void aMemberThatDoesNotAnswerFailsTheOperationByName() {
    channel.silent.add("c");
    assertThatThrownBy(() -> remote.sumOthers(Op.SIZE, null))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("could not complete size")
        .hasMessageContaining("no answer from c within rpcTimeout 3s")
        .hasMessageContaining("raise rpcTimeout");
  }
}
