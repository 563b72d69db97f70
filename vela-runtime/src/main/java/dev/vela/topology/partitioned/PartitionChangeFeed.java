package dev.vela.topology.partitioned;

import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import dev.vela.cluster.CacheChannel;
import dev.vela.topology.partitioned.NodeMessages.ChangeKind;
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
  private final CacheChannel channel;
  private final NodeMessages<K, ?> messages;
  private final Supplier<List<String>> peers;
  private volatile ChangeListener<K> listener;

  PartitionChangeFeed(CacheChannel channel, Wire<K, ?> wire, Supplier<List<String>> peers) {
    this.channel = channel;
    this.messages = new NodeMessages<>(wire);
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
      send(messages.changeRequest(ChangeKind.KEY, key, null));
    }
  }

  @Override
  public void announceTag(String tag) {
    if (listener != null) {
      send(messages.changeRequest(ChangeKind.TAG, null, tag));
    }
  }

  @Override
  public void announceFlush() {
    if (listener != null) {
      send(messages.changeRequest(ChangeKind.ALL, null, null));
    }
  }

  @Override
  public void unsubscribe() {
    listener = null;
  }

  /** A change message from another node. */
  void received(NodeMessages.ChangeRequest<K, ?> change) {
    ChangeListener<K> heard = listener;
    if (heard == null) {
      return;
    }
    switch (change.kind()) {
      case KEY -> heard.keyChanged(change.key());
      case TAG -> heard.tagChanged(change.tag());
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

  private void send(byte[] request) {
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
