package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecInput;
import dev.vela.topology.wire.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reads a node answers on the thread that read them from the connection ({@link
 * PartitionEndpoint#answerNow}) give the reply the usual path gives, and every request that may
 * wait (a write that takes a key's lock, a read that may go to another node, a claim) is left to
 * that path.
 */
class ReadsAnsweredNowTest {
  private static final long DEADLINE_SECONDS = 10;

  /** Node "a" alone, or with "b": calls to "b" are never answered, so a request that made one would not end. */
  private static final class SilentChannel extends TwoNodeChannel {
    SilentChannel(List<String> members) {
      super(Duration.ofSeconds(30), members);
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      if (request[0] == Op.RUNS.code()) {
        return CompletableFuture.completedFuture(Reply.okEmpty());
      }
      return new CompletableFuture<>();
    }
  }

  private final List<PartitionOnA> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(PartitionOnA::close);
  }

  private PartitionOnA node(List<String> members) throws InterruptedException {
    PartitionOnA node = new PartitionOnA("now", new SilentChannel(members));
    nodes.add(node);
    node.endpoint.membersChanged(members);
    assertThat(node.endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    return node;
  }

  /** The reply of {@code request} answered now, or null when it was left to {@link PartitionEndpoint#handle}. */
  private static byte[] answeredNow(PartitionOnA node, byte[] request) {
    AtomicReference<byte[]> reply = new AtomicReference<>();
    boolean answered = node.endpoint.answerNow("b", request, reply::set);
    assertThat(reply.get() != null).as("replied exactly when it says it answered").isEqualTo(answered);
    return reply.get();
  }

  private static byte[] handled(PartitionOnA node, byte[] request) throws Exception {
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    node.endpoint.handle("b", request, reply::complete);
    return reply.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aReadOfKeysThisNodeOwnsAloneIsAnsweredNowWithTheReplyHandleGives() throws Exception {
    PartitionOnA a = node(List.of("a"));
    KeyMessages<String, String> keys = new KeyMessages<>(a.wire);
    a.partition.put("present", entry("value"), Hop.ROUTED);
    a.partition.put("removed", entry("gone"), Hop.ROUTED);
    a.partition.delete("removed", Hop.ROUTED);
    List<byte[]> reads = new ArrayList<>();
    for (Hop hop : Hop.values()) {
      for (String key : List.of("present", "removed", "absent")) {
        reads.add(keys.keyRequest(Op.GET, hop, key));
        reads.add(keys.keyRequest(Op.ENTRY, hop, key));
      }
      reads.add(keys.keysRequest(Op.GET_ALL, hop, List.of("present", "absent", "removed", "present")));
    }

    for (byte[] read : reads) {
      byte[] now = answeredNow(a, read);
      assertThat(now).as("answered now: op %s", Op.of(read[0])).isNotNull();
      assertThat(now).isEqualTo(handled(a, read));
    }
    CodecInput value = Reply.read("a", answeredNow(a, keys.keyRequest(Op.GET, Hop.ROUTED, "present")));
    assertThat(value.readBoolean()).isTrue();
  }

  @Test
  void repliesWrittenOneAfterAnotherOnAThreadCarryNothingOfTheOneBefore() throws Exception {
    // each thread writes its replies into one buffer it keeps: a short reply after a long one must
    // be exactly its own bytes, and read back to its own values
    PartitionOnA a = node(List.of("a"));
    KeyMessages<String, String> keys = new KeyMessages<>(a.wire);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add("k" + i);
      a.partition.put("k" + i, entry("value of k" + i + " ".repeat(i % 200)), Hop.ROUTED);
    }
    byte[] all = answeredNow(a, keys.keysRequest(Op.GET_ALL, Hop.ROUTED, many));
    byte[] one = answeredNow(a, keys.keyRequest(Op.GET, Hop.ROUTED, "k7"));
    byte[] none = answeredNow(a, keys.keyRequest(Op.GET, Hop.ROUTED, "absent"));

    assertThat(keys.readValues(Reply.read("a", all), many)).hasSize(500).containsEntry("k499",
        "value of k499" + " ".repeat(99));
    assertThat(one).isEqualTo(handled(a, keys.keyRequest(Op.GET, Hop.ROUTED, "k7")));
    assertThat(keys.readValue(Reply.read("a", one))).isEqualTo("value of k7" + " ".repeat(7));
    assertThat(none).isEqualTo(handled(a, keys.keyRequest(Op.GET, Hop.ROUTED, "absent")));
    assertThat(keys.readValue(Reply.read("a", none))).isNull();
    assertThat(answeredNow(a, keys.keysRequest(Op.GET_ALL, Hop.ROUTED, many))).isEqualTo(all);
  }

  @Test
  void writesClaimsAndOtherRequestsAreLeftToHandle() throws Exception {
    PartitionOnA a = node(List.of("a"));
    KeyMessages<String, String> keys = new KeyMessages<>(a.wire);
    a.partition.put("present", entry("value"), Hop.ROUTED);

    for (Op op : List.of(Op.DELETE, Op.CLAIM, Op.RELEASE, Op.HELD)) {
      assertThat(answeredNow(a, keys.keyRequest(op, Hop.ROUTED, "present"))).as("%s", op).isNull();
    }
    assertThat(answeredNow(a, keys.keysRequest(Op.DELETE_ALL, Hop.ROUTED, List.of("present")))).isNull();
    assertThat(answeredNow(a, new Protocol<>(a.wire).writes().putRequest(Hop.ROUTED, "present", entry("other")))).as("PUT").isNull();
    assertThat(answeredNow(a, new byte[0])).as("empty").isNull();
    assertThat(answeredNow(a, new byte[] {Op.GET.code()})).as("a GET that does not decode").isNull();
    assertThat(a.backend.get("present")).as("nothing left to handle was applied").isEqualTo("value");
  }

  @Test
  void aReadThatMayGoToAnotherNodeIsLeftToHandle() throws Exception {
    // "a" has just joined "b": until "b" says it has handed its keys over, "a" asks it for keys it lacks
    PartitionOnA a = node(List.of("a", "b"));
    assertThat(a.routing.state().previous()).isNotNull();
    KeyMessages<String, String> keys = new KeyMessages<>(a.wire);
    String mine = keyOwnedBy(a, "a");
    String theirs = keyOwnedBy(a, "b");

    assertThat(answeredNow(a, keys.keyRequest(Op.GET, Hop.FORWARDED, mine))).as("owned, previous owner may hold it")
        .isNull();
    assertThat(answeredNow(a, keys.keyRequest(Op.GET, Hop.ROUTED, theirs))).as("forwarded to its owner").isNull();
    assertThat(answeredNow(a, keys.keysRequest(Op.GET_ALL, Hop.ROUTED, List.of(mine)))).isNull();
    assertThat(answeredNow(a, keys.keyRequest(Op.GET, Hop.DIRECT, mine))).as("DIRECT reads the backend alone")
        .isNotNull();
  }

  @Test
  void nothingIsAnsweredNowBeforeTheFirstRing() {
    PartitionOnA a = new PartitionOnA("early", new SilentChannel(List.of("a")));
    nodes.add(a);
    KeyMessages<String, String> keys = new KeyMessages<>(a.wire);

    assertThat(answeredNow(a, keys.keyRequest(Op.GET, Hop.DIRECT, "k"))).isNull();
  }

  private static StoredEntry<String> entry(String value) {
    return new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of("tag"));
  }

  private static String keyOwnedBy(PartitionOnA node, String owner) {
    for (int i = 0; i < 10_000; i++) {
      if (node.partition.ownerOf("k" + i).equals(owner)) {
        return "k" + i;
      }
    }
    throw new AssertionError("no key of " + owner + " among 10,000");
  }
}
