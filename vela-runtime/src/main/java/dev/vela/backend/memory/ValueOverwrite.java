package dev.vela.backend.memory;

import java.util.Objects;
import java.util.Set;

/**
 * An overwrite of a bounded entry that changes only its value: the same expiry, the same tags and
 * the same weight, so neither the tag index nor the eviction order's weights change, and the put
 * needs no eviction lock. It writes the value under the node's own monitor, only while the node is
 * tracked by the eviction order, which it leaves under the same monitor ({@link Eviction#removed},
 * {@link Eviction#written}) when it leaves the map, before the eviction lock is let go:
 *
 * <ul>
 *   <li>an overwrite that comes first writes a value that the removal then reports to the listener
 *       (an eviction, an expiry), or that a delete removes: the overwrite came before the removal;
 *   <li>one that comes after finds the node untracked and takes the locked path, which stores a new
 *       node.
 * </ul>
 *
 * <p>An overwrite under the eviction lock rewrites its node under the same monitor ({@link
 * MemoryBackend}), so the two never interleave: no entry ends with the value of one write and the
 * expiry, tags or weight of another. Readers only read the value, a single field. Nothing else is
 * written under the monitor: it costs a writer one line of memory (the node's) and no allocation.
 *
 * <p>The write is refused, and the caller takes the locked path, when the node no longer matches or
 * while a conditional write runs ({@link Eviction#conditionalWriteRunning}): such a write reads the
 * entry and writes it back as one step, and an overwrite between the two would be lost. A
 * conditional write passes through the monitor of the key's node ({@link #awaitRunning}) before it
 * reads the entry: an overwrite that held it before is read, one that takes it after sees the
 * conditional write and waits for the eviction lock.
 */
final class ValueOverwrite {
  private ValueOverwrite() {}

  /**
   * Writes {@code value} into {@code node}, which the map held for its key, when the eviction order
   * still tracks it and its expiry, tags and weight are those given; returns whether it did.
   */
  static <K, V> boolean tryWrite(Eviction<K, V> eviction, LinkedNode<K, V> node, V value, long expiresAt,
      Set<String> tags, int weight) {
    // a look before the monitor: an overwrite that changes the expiry or the tags needs the locked path
    if (!matches(node, expiresAt, tags) || eviction.conditionalWriteRunning()) {
      return false;
    }
    synchronized (node) {
      // the weight is read here, not before: a locked overwrite changes it under this monitor, and a
      // node is weighed before it is published (see MemoryBackend#put)
      if (!node.isTracked() || !matches(node, expiresAt, tags) || node.weight() != weight
          || eviction.conditionalWriteRunning()) {
        return false;
      }
      node.value = value;
      return true;
    }
  }

  /**
   * Waits for an overwrite of the value of {@code stored} (what the map holds for a key) that is
   * running now; the caller has begun a conditional write, which later overwrites see.
   */
  static Object awaitRunning(Object stored) {
    if (stored instanceof LinkedNode<?, ?> node) {
      synchronized (node) {
        return node.value;
      }
    }
    return stored;
  }

  private static boolean matches(LinkedNode<?, ?> node, long expiresAt, Set<String> tags) {
    return node.expiresAt() == expiresAt && Objects.equals(node.tags(), tags);
  }
}
