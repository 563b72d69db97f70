package dev.vela.topology.replicated;

import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;

/**
 * Tells a near cache in front of a replicated cache which entries of this node's copy changed.
 * Every write reaches every copy anyway, so the feed announces nothing itself: it reports each
 * change applied to this node's copy, whether it came from this node or another, and a new view
 * (a member joined, left or merged back) as "anything may have changed", since a merge replaces
 * whatever the other half wrote meanwhile.
 *
 * @param <K> the key type
 */
final class ReplicaChangeFeed<K> implements ChangeFeed<K> {
  private volatile ChangeListener<K> listener;

  @Override
  public void subscribe(ChangeListener<K> listener) {
    this.listener = listener;
  }

  /** True: a write that cannot reach a copy fails the writer, and a lost member shows as a new view. */
  @Override
  public boolean isLive() {
    return true;
  }

  @Override
  public void unsubscribe() {
    listener = null;
  }

  /** The entry under {@code key} was written or removed in this node's copy. */
  void keyChanged(K key) {
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.keyChanged(key);
    }
  }

  /** The entries tagged {@code tag} were removed from this node's copy. */
  void tagChanged(String tag) {
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.tagChanged(tag);
    }
  }

  /** This node's copy was flushed, or the members changed. */
  void allChanged() {
    ChangeListener<K> heard = listener;
    if (heard != null) {
      heard.allChanged();
    }
  }
}
