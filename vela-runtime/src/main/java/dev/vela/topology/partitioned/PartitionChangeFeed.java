package dev.vela.topology.partitioned;

import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import dev.vela.cluster.CacheChannel;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Wire;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carries near-cache invalidations between the nodes of a partitioned cache: each change this node
 * announces goes to every other member that runs the cache, without waiting for them, and each one
 * received goes to the listener. A new view (a member joined, left or merged back) may have cost
 * invalidations in flight, so it tells the listener that anything may have changed.
 *
 * @param <K> the key type
 */
final class PartitionChangeFeed<K> implements ChangeFeed<K> {
  /** What a change message is about; its first byte after the op, by an explicit code. */
  private enum Kind {
    KEY(0),
    TAG(1),
    ALL(2);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown change message code " + code + "; do all nodes run one version?");
    }
  }

  private final CacheChannel channel;
  private final Wire<K, ?> wire;
  private final Supplier<List<String>> peers;
  private volatile ChangeListener<K> listener;

  PartitionChangeFeed(CacheChannel channel, Wire<K, ?> wire, Supplier<List<String>> peers) {
    this.channel = channel;
    this.wire = wire;
    this.peers = peers;
  }

  @Override
  public void subscribe(ChangeListener<K> listener) {
    this.listener = listener;
  }

  @Override
  public boolean isLive() {
    return true; // lost contact shows as a new view, which viewChanged reports
  }

  @Override
  public void announceKey(K key) {
    if (listener != null) {
      CodecOutput out = message(Kind.KEY);
      wire.writeKey(out, key);
      send(out);
    }
  }

  @Override
  public void announceTag(String tag) {
    if (listener != null) {
      CodecOutput out = message(Kind.TAG);
      out.writeString(tag);
      send(out);
    }
  }

  @Override
  public void announceFlush() {
    if (listener != null) {
      send(message(Kind.ALL));
    }
  }

  @Override
  public void unsubscribe() {
    listener = null;
  }

  /** A change message from another node: the part after the op. */
  void received(CodecInput in) {
    ChangeListener<K> heard = listener;
    Kind kind = Kind.of(in.readUnsignedByte());
    if (heard == null) {
      return;
    }
    switch (kind) {
      case KEY -> heard.keyChanged(wire.readKey(in));
      case TAG -> heard.tagChanged(in.readString());
      case ALL -> heard.allChanged();
    }
  }

  /** The members changed: invalidations sent meanwhile may be lost. */
  void viewChanged() {
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.allChanged();
    }
  }

  private static CodecOutput message(Kind kind) {
    CodecOutput out = Op.CHANGED.request();
    out.writeByte(kind.code);
    return out;
  }

  private void send(CodecOutput out) {
    byte[] request = out.toByteArray();
    String self = channel.self();
    List<String> ring = peers.get();
    for (String member : ring) {
      if (!member.equals(self)) {
        // no wait: a node that misses it clears its near cache at the next view
        channel.call(member, request, channel.rpcTimeout());
      }
    }
    // and every other member of the view: a node that just started the cache may already read
    // through this one (it learnt from this node's question that the cache runs here) before this
    // node's ring holds it, and its L1 would keep what it read until the TTL. A node that does not
    // run the cache answers the probe at once and has no L1 to clear
    for (String member : channel.members()) {
      if (!member.equals(self) && !ring.contains(member)) {
        channel.probe(member, request, channel.rpcTimeout());
      }
    }
  }
}
