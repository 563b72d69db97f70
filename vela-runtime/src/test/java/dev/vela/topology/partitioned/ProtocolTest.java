package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.CacheStats;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import dev.vela.testing.ManualClock;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every message of the partitioned protocol reads back as it was written, request and reply, and
 * a code no version sends is an error rather than being read as another message.
 */
class ProtocolTest {
  private final ManualClock clock = new ManualClock();
  private final Wire<String, String> wire = new Wire<>(Codecs.STRING, Codecs.STRING, clock, error -> {});
  private final Protocol<String, String> protocol = new Protocol<>(wire);
  private final KeyMessages<String, String> keys = protocol.keys();
  private final WriteMessages<String, String> writes = protocol.writes();
  private final NodeMessages<String, String> nodes = protocol.nodes();

  private static StoredEntry<String> entry(String value, String... tags) {
    return new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of(tags));
  }

  /** A reply's result as its reader sees it: after the status byte. */
  private static CodecInput replied(CodecOutput out) {
    return Reply.read("b", out.toByteArray());
  }

  @Test
  void requestsAboutOneKeyReadBackWithTheirOpHopAndKey() {
    for (Op op : List.of(Op.GET, Op.ENTRY, Op.DELETE, Op.CLAIM, Op.RELEASE)) {
      for (Hop hop : Hop.values()) {
        assertThat(protocol.decode(keys.keyRequest(op, hop, "k"))).isEqualTo(new KeyMessages.KeyRequest<>(op, hop, "k"));
      }
    }
    assertThat(protocol.decode(keys.keyRequest(Op.HELD, Hop.ROUTED, "k")))
        .as("HELD has no hop on the wire: it is always answered from the backend alone")
        .isEqualTo(new KeyMessages.KeyRequest<>(Op.HELD, Hop.DIRECT, "k"));
  }

  @Test
  void requestsForKeysOfOneOwnerReadBackInOrder() {
    for (Op op : List.of(Op.GET_ALL, Op.DELETE_ALL)) {
      assertThat(protocol.decode(keys.keysRequest(op, Hop.FORWARDED, List.of("z", "a", "m"))))
          .isEqualTo(new KeyMessages.KeysRequest<>(op, Hop.FORWARDED, List.of("z", "a", "m")));
    }
  }

  @Test
  void repliesAboutKeysReadBack() {
    CodecOutput out = Reply.ok();
    keys.writeValue(out, "v");
    keys.writeValue(out, null);
    keys.writeEntry(out, entry("e", "t"));
    keys.writeEntry(out, null);
    keys.writeHeld(out, new Versioned<>(new Version(7, "a"), entry("h")));
    keys.writeHeld(out, new Versioned<>(new Version(8, "a"), null));
    keys.writeHeld(out, null);
    KeyMessages.writeRemoval(out, new Removal(true, new Version(9, "a")));
    KeyMessages.writeRemoval(out, new Removal(false, null));
    keys.writeValues(out, Arrays.asList("1", null, "3"));

    CodecInput in = replied(out);
    assertThat(keys.readValue(in)).isEqualTo("v");
    assertThat(keys.readValue(in)).isNull();
    assertThat(keys.readEntry(in)).isEqualTo(entry("e", "t"));
    assertThat(keys.readEntry(in)).isNull();
    assertThat(keys.readHeld(in)).isEqualTo(new Versioned<>(new Version(7, "a"), entry("h")));
    assertThat(keys.readHeld(in)).isEqualTo(new Versioned<>(new Version(8, "a"), null));
    assertThat(keys.readHeld(in)).isNull();
    assertThat(KeyMessages.readRemoval(in)).isEqualTo(new Removal(true, new Version(9, "a")));
    assertThat(KeyMessages.readRemoval(in)).isEqualTo(new Removal(false, null));
    assertThat(keys.readValues(in, List.of("x", "y", "z"))).containsExactly(Map.entry("x", "1"), Map.entry("z", "3"));
    assertThat(in.remaining()).isZero();
  }

  @Test
  void claimAnswersReadBackAndAnUnknownAnswerIsAnError() {
    for (FetchClaims.Answer answer : FetchClaims.Answer.values()) {
      String value = answer == FetchClaims.Answer.VALUE ? "fetched" : null;
      assertThat(keys.readClaimAnswer(Reply.read("b", keys.claimAnswer(answer, value))))
          .isEqualTo(new KeyMessages.ClaimAnswer<>(answer, value));
    }
    CodecOutput unknown = Reply.ok();
    unknown.writeByte(9);
    assertThatThrownBy(() -> keys.readClaimAnswer(replied(unknown)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fetch claim answer code 9");
  }

  @Test
  void writesReadBackWithTheirEntriesConditionsAndUpdates() {
    assertThat(protocol.decode(writes.putRequest(Hop.ROUTED, "k", entry("v", "t"))))
        .isEqualTo(new WriteMessages.PutRequest<>(Hop.ROUTED, "k", entry("v", "t")));

    Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
    batch.put("b", entry("2"));
    batch.put("a", entry("1", "t"));
    WriteMessages.PutAllRequest<String, String> putAll =
        (WriteMessages.PutAllRequest<String, String>) protocol.decode(writes.putAllRequest(Hop.FORWARDED, batch));
    assertThat(putAll.hop()).isEqualTo(Hop.FORWARDED);
    assertThat(putAll.entries()).containsExactlyEntriesOf(batch);

    WriteMessages.WriteRequest<String, String> write = (WriteMessages.WriteRequest<String, String>) protocol.decode(
        writes.writeRequest(Hop.DIRECT, "k", WriteCondition.valueEquals("old"), EntryUpdate.delete()));
    assertThat(write.hop()).isEqualTo(Hop.DIRECT);
    assertThat(write.key()).isEqualTo("k");
    assertThat(write.condition().test(entry("old"))).isTrue();
    assertThat(write.condition().test(entry("other"))).isFalse();
    assertThat(write.update().apply(entry("old"))).isNull();
  }

  @Test
  void writeAnswersReadBack() {
    CodecOutput out = Reply.ok();
    new Version(3, "a").write(out);
    writes.writeWriteAnswer(out, new OwnerWrite<>(true, entry("before"), new Version(4, "a"), null));
    writes.writeWriteAnswer(out, new OwnerWrite<>(false, entry("kept"), null, null));

    CodecInput in = replied(out);
    assertThat(Version.read(in)).isEqualTo(new Version(3, "a"));
    assertThat(writes.readWriteAnswer(in, EntryUpdate.delete()))
        .isEqualTo(new OwnerWrite<>(true, entry("before"), new Version(4, "a"), null));
    assertThat(writes.readWriteAnswer(in, EntryUpdate.delete())).isEqualTo(new OwnerWrite<>(false, entry("kept"), null, null));
    assertThat(in.remaining()).isZero();
  }

  @Test
  void locksReadBackWithTheirTransactionLeaseAndKeys() {
    assertThat(protocol.decode(writes.lockRequest(42, Duration.ofSeconds(3), List.of("x", "y"))))
        .isEqualTo(new WriteMessages.LockRequest<>(Op.LOCK, 42, Duration.ofSeconds(3), List.of("x", "y")));
    assertThat(protocol.decode(writes.lockRequest(42, null, List.of("x"))))
        .isEqualTo(new WriteMessages.LockRequest<>(Op.UNLOCK, 42, null, List.of("x")));

    CodecOutput out = Reply.ok();
    WriteMessages.writeLockAnswer(out, null);
    WriteMessages.writeLockAnswer(out, "c");
    CodecInput in = replied(out);
    assertThat(WriteMessages.readLockAnswer(in)).as("granted").isNull();
    assertThat(WriteMessages.readLockAnswer(in)).isEqualTo("c");
  }

  @Test
  void nodeRequestsReadBack() {
    for (Op op : List.of(Op.SIZE, Op.FLUSH, Op.ENTRIES, Op.STATS, Op.LEAVING)) {
      assertThat(protocol.decode(NodeMessages.nodeRequest(op, null))).isEqualTo(new NodeMessages.NodeRequest<>(op, null, false));
    }
    assertThat(protocol.decode(NodeMessages.nodeRequest(Op.INVALIDATE_TAG, "tag")))
        .isEqualTo(new NodeMessages.NodeRequest<>(Op.INVALIDATE_TAG, "tag", false));
    assertThat(protocol.decode(NodeMessages.nodeRequest(Op.HANDOVER_DONE, "ring-1")))
        .isEqualTo(new NodeMessages.NodeRequest<>(Op.HANDOVER_DONE, "ring-1", false));
    assertThat(protocol.decode(NodeMessages.runsRequest(true))).isEqualTo(new NodeMessages.NodeRequest<>(Op.RUNS, null, true));
    assertThat(protocol.decode(NodeMessages.runsRequest(false))).isEqualTo(new NodeMessages.NodeRequest<>(Op.RUNS, null, false));
    assertThat(protocol.decode(Op.RUNS.request().toByteArray()))
        .as("a RUNS without its flag").isEqualTo(new NodeMessages.NodeRequest<>(Op.RUNS, null, false));
  }

  @Test
  void copiesAndChangesReadBack() {
    Map<String, Versioned<String>> copies = new LinkedHashMap<>();
    copies.put("live", new Versioned<>(new Version(5, "a"), entry("v")));
    copies.put("removed", new Versioned<>(new Version(6, "b"), null));
    assertThat(protocol.decode(nodes.copyRequest(copies))).isEqualTo(new NodeMessages.CopyRequest<>(copies));

    assertThat(protocol.decode(nodes.changeRequest(NodeMessages.ChangeKind.KEY, "k", null)))
        .isEqualTo(new NodeMessages.ChangeRequest<>(NodeMessages.ChangeKind.KEY, "k", null));
    assertThat(protocol.decode(nodes.changeRequest(NodeMessages.ChangeKind.TAG, null, "t")))
        .isEqualTo(new NodeMessages.ChangeRequest<>(NodeMessages.ChangeKind.TAG, null, "t"));
    assertThat(protocol.decode(nodes.changeRequest(NodeMessages.ChangeKind.ALL, null, null)))
        .isEqualTo(new NodeMessages.ChangeRequest<>(NodeMessages.ChangeKind.ALL, null, null));
  }

  @Test
  void nodeRepliesReadBack() {
    List<Map.Entry<String, StoredEntry<String>>> entries = new ArrayList<>();
    entries.add(Map.entry("k1", entry("v1", "t")));
    entries.add(Map.entry("k2", entry("v2")));
    CacheStats stats = new CacheStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    CodecOutput out = Reply.ok();
    NodeMessages.writeCount(out, 12345);
    nodes.writeEntries(out, entries);
    NodeMessages.writeStats(out, stats);

    CodecInput in = replied(out);
    assertThat(NodeMessages.readCount(in)).isEqualTo(12345);
    assertThat(nodes.readEntries(in)).containsExactlyElementsOf(entries);
    assertThat(NodeMessages.readStats(in)).isEqualTo(stats);
    assertThat(in.remaining()).isZero();
  }

  @Test
  void requestsKeepTheLayoutNodesOfEarlierVersionsWrite() {
    CodecOutput get = Op.GET.request();
    get.writeByte(Hop.FORWARDED.code());
    wire.writeKey(get, "k");
    assertThat(keys.keyRequest(Op.GET, Hop.FORWARDED, "k")).isEqualTo(get.toByteArray());

    CodecOutput held = Op.HELD.request();
    wire.writeKey(held, "k");
    assertThat(keys.keyRequest(Op.HELD, Hop.DIRECT, "k")).isEqualTo(held.toByteArray());

    CodecOutput put = Op.PUT.request();
    put.writeByte(Hop.ROUTED.code());
    wire.writeKey(put, "k");
    wire.writeEntry(put, entry("v", "t"));
    assertThat(writes.putRequest(Hop.ROUTED, "k", entry("v", "t"))).isEqualTo(put.toByteArray());

    CodecOutput putAll = Op.PUT_ALL.request();
    putAll.writeByte(Hop.ROUTED.code());
    putAll.writeVarInt(1);
    wire.writeKey(putAll, "k");
    wire.writeEntry(putAll, entry("v"));
    assertThat(writes.putAllRequest(Hop.ROUTED, Map.of("k", entry("v")))).isEqualTo(putAll.toByteArray());

    CodecOutput lock = Op.LOCK.request();
    lock.writeVarLong(42);
    lock.writeVarLong(3000);
    wire.writeKeys(lock, List.of("x"));
    assertThat(writes.lockRequest(42, Duration.ofSeconds(3), List.of("x"))).isEqualTo(lock.toByteArray());

    CodecOutput runs = Op.RUNS.request();
    runs.writeBoolean(true);
    assertThat(NodeMessages.runsRequest(true)).isEqualTo(runs.toByteArray());

    CodecOutput tag = Op.INVALIDATE_TAG.request();
    tag.writeString("t");
    assertThat(NodeMessages.nodeRequest(Op.INVALIDATE_TAG, "t")).isEqualTo(tag.toByteArray());

    CodecOutput change = Op.CHANGED.request();
    change.writeByte(0);
    wire.writeKey(change, "k");
    assertThat(nodes.changeRequest(NodeMessages.ChangeKind.KEY, "k", null)).isEqualTo(change.toByteArray());
  }

  @Test
  void everyOpDecodesAndAnUnknownOrMissingCodeIsAnError() {
    for (Op op : Op.values()) {
      assertThat(Op.of(op.code())).isSameAs(op);
    }
    assertThat(Op.values()).as("a new op needs its message here and in this test").hasSize(23);

    assertThatThrownBy(() -> protocol.decode(new byte[] {99}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown request code 99")
        .hasMessageContaining("do all nodes run one version?");
    assertThatThrownBy(() -> protocol.decode(new byte[] {(byte) 200})).hasMessageContaining("unknown request code 200");
    assertThatThrownBy(() -> protocol.decode(new byte[0])).hasMessageContaining("an empty request");
  }

  @Test
  void anUnknownHopOrChangeKindIsAnError() {
    byte[] get = keys.keyRequest(Op.GET, Hop.ROUTED, "k");
    get[1] = 7;
    assertThatThrownBy(() -> protocol.decode(get)).hasMessageContaining("unknown hop code 7");

    byte[] change = nodes.changeRequest(NodeMessages.ChangeKind.ALL, null, null);
    change[1] = 5;
    assertThatThrownBy(() -> protocol.decode(change)).hasMessageContaining("unknown change message code 5");
  }
}
