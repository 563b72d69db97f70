package dev.vela.backend;

/**
 * Hears about changes a near cache did not make itself: writes by other nodes or processes, and
 * moments when changes may have been missed. Called from network threads, so it must be quick and
 * must not throw.
 *
 * @param <K> the key type
 */
public interface ChangeListener<K> {

  /** The entry under {@code key} was written, deleted or expired elsewhere. */
  void keyChanged(K key);

  /** Every entry tagged {@code tag} was removed elsewhere. */
  void tagChanged(String tag);

  /**
   * Anything may have changed: a flush elsewhere, or the feed lost contact (a reconnect, a new
   * cluster view) and may have missed changes.
   */
  void allChanged();
}
