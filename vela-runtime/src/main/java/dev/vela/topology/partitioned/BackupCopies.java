package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.Versioned;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of writes the owners have stored, with the owners' versions, sent to the keys' backups
 * from the writing node's own thread (never from a network thread, where waiting for another node
 * could hold up replies). A backup that cannot be reached is skipped: the write stands on its
 * owner, and the next view change brings every owner's backups up to date again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BackupCopies<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(BackupCopies.class);

  private final String cacheName;
  private final String self;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;

  BackupCopies(String cacheName, String self, Partition<K, V> partition, Remote<K, V> remote) {
    this.cacheName = cacheName;
    this.self = self;
    this.partition = partition;
    this.remote = remote;
  }

  /**
   * Copies writes of keys of one owner on {@code routedBy}, the ring they were routed by, which
   * share {@code key}'s backups, to those backups (see {@link Partition#copyTargets}).
   */
  void toBackupsOf(K key, HashRing routedBy, Map<K, Versioned<V>> copies) {
    for (String backup : partition.copyTargets(key, routedBy)) {
      try {
        if (backup.equals(self)) {
          partition.copies().apply(copies);
        } else {
          remote.copy(backup, copies);
        }
      } catch (VelaException unreachable) {
        LOG.debug("cache '" + cacheName + "' could not copy a write to backup " + backup, unreachable);
      }
    }
  }

  /** Copies writes of keys of any owners to their backups, one request per backup. */
  void toTheirBackups(Map<K, Versioned<V>> copies) {
    Map<String, Map<K, Versioned<V>>> byBackup = new LinkedHashMap<>();
    copies.forEach((key, copy) -> partition.backupsOf(key).forEach(
        backup -> byBackup.computeIfAbsent(backup, b -> new LinkedHashMap<>()).put(key, copy)));
    byBackup.forEach((backup, batch) -> {
      try {
        if (backup.equals(self)) {
          partition.copies().apply(batch);
        } else {
          remote.copy(backup, batch);
        }
      } catch (VelaException unreachable) {
        LOG.debug("cache '" + cacheName + "' could not copy writes to backup " + backup, unreachable);
      }
    });
  }
}
