package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.Versioned;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the keys this node holds to their owners on a new ring, and brings their backups up to
 * date: in batches of versioned copies, each applied by the receiver only where it is newer than
 * what it holds, and removed here once the new owner has it. Tombstones travel too, so a stale copy
 * of a removed key on a backup is removed as well. A batch whose receiver cannot be reached stays
 * here, and the caller tries again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Migration<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(Migration.class);
  private static final int BATCH = 500;

  private final String cacheName;
  private final Partition<K, V> partition;
  private final CacheBackend<K, V> backend;
  private final Remote<K, V> remote;

  Migration(String cacheName, Partition<K, V> partition, CacheBackend<K, V> backend, Remote<K, V> remote) {
    this.cacheName = cacheName;
    this.partition = partition;
    this.backend = backend;
    this.remote = remote;
  }

  /**
   * Moves every key whose owner on {@code ring} is another node, and copies the keys this node
   * owns to their backups, with their versions, so that a backup that missed a write catches up.
   * A key stays here while this node is its owner or one of its backups, or its receiver could not
   * be reached. Returns true when every copy arrived; else the caller tries again later.
   */
  boolean moveTo(HashRing ring) {
    return moveWhile(ring, () -> true);
  }

  /**
   * {@link #moveTo}, which stops sending as soon as {@code current} turns false and then returns
   * false; what was not sent stays here. The view thread stops so when its ring is no longer this
   * node's (a receiver it no longer holds may be a cache that closed and started again, which takes
   * no copy before its first ring), and to make way for a step that waits.
   */
  boolean moveWhile(HashRing ring, BooleanSupplier current) {
    if (ring.isEmpty()) {
      return true;
    }
    Batches batches = new Batches(ring, current);
    try (Stream<Map.Entry<K, StoredEntry<V>>> entries = backend.entries()) {
      int walked = 0;
      for (Iterator<Map.Entry<K, StoredEntry<V>>> it = entries.iterator(); it.hasNext() && !batches.superseded; ) {
        Map.Entry<K, StoredEntry<V>> entry = it.next();
        K key = entry.getKey();
        batches.add(key, new Versioned<>(partition.copies().versionToHandOver(key), entry.getValue()));
        if (++walked % BATCH == 0 && !current.getAsBoolean()) {
          // a walk that sends little (most keys stay here) makes way too, not only between batches
          batches.superseded = true;
        }
      }
    }
    partition.copies().forEachRemoval((key, version) -> batches.add(key, new Versioned<>(version, null)));
    batches.sendRest();
    return batches.unreachable.isEmpty() && !batches.superseded;
  }

  /**
   * Hands writes that other nodes sent here after this node began to leave straight to their
   * replicas on {@code ring}, which no longer holds this node: its handover may have passed their
   * keys already, and what stays here is lost when it goes. Throws when an owner does not take them
   * (it cannot be reached, or leaves too), so that their writer hears the write did not land; a
   * backup that misses them is brought up to date by its owner's next handover.
   */
  void handOn(Map<K, Versioned<V>> copies, HashRing ring) {
    if (ring.isEmpty()) {
      return; // no node is left to take them
    }
    Map<String, Map<K, Versioned<V>>> toOwners = new LinkedHashMap<>();
    Map<String, Map<K, Versioned<V>>> toBackups = new LinkedHashMap<>();
    copies.forEach((key, copy) -> {
      List<String> replicas = partition.replicasOf(key, ring);
      toOwners.computeIfAbsent(replicas.get(0), o -> new LinkedHashMap<>()).put(key, copy);
      replicas.subList(1, replicas.size()).forEach(
          backup -> toBackups.computeIfAbsent(backup, b -> new LinkedHashMap<>()).put(key, copy));
    });
    toOwners.forEach((owner, batch) -> {
      try {
        remote.copy(owner, batch);
      } catch (VelaException e) {
        throw new VelaException("cache '" + cacheName + "' on node " + partition.self() + " is leaving and could not hand "
            + batch.size() + " write(s) on to their new owner " + owner + ", so they did not land; write again once"
            + " the view has changed: " + e.getMessage(), e);
      }
    });
    toBackups.forEach((backup, batch) -> {
      try {
        remote.copy(backup, batch);
      } catch (VelaException e) {
        LOG.debug("cache '" + cacheName + "' could not hand writes on to backup " + backup, e);
      }
    });
  }

  /** The copies on their way, by receiver; a batch goes out when it is full. */
  private final class Batches {
    private final HashRing ring;
    private final BooleanSupplier current;
    private final Map<String, Map<K, Versioned<V>>> byReceiver = new HashMap<>();
    private final Set<String> unreachable = new HashSet<>(); // one failed batch is enough: the others would wait as long
    private boolean superseded;

    Batches(HashRing ring, BooleanSupplier current) {
      this.ring = ring;
      this.current = current;
    }

    void add(K key, Versioned<V> copy) {
      List<String> replicas = partition.replicasOf(key, ring);
      String self = partition.self();
      List<String> targets = replicas.get(0).equals(self) || copy.isRemoval()
          ? replicas.stream().filter(member -> !member.equals(self)).toList()
          : replicas.subList(0, 1);
      for (String target : targets) {
        if (unreachable.contains(target)) {
          continue;
        }
        Map<K, Versioned<V>> batch = byReceiver.computeIfAbsent(target, o -> new LinkedHashMap<>());
        batch.put(key, copy);
        if (batch.size() >= BATCH) {
          send(target, batch);
          batch.clear();
        }
      }
    }

    void sendRest() {
      for (Map.Entry<String, Map<K, Versioned<V>>> batch : byReceiver.entrySet()) {
        if (!batch.getValue().isEmpty() && !unreachable.contains(batch.getKey())) {
          send(batch.getKey(), batch.getValue());
        }
      }
    }

    private void send(String receiver, Map<K, Versioned<V>> batch) {
      if (superseded || !current.getAsBoolean()) {
        superseded = true;
        return;
      }
      try {
        remote.copy(receiver, batch);
      } catch (VelaException e) {
        unreachable.add(receiver);
        LOG.warn("cache '" + cacheName + "' could not hand " + batch.size()
            + " or more keys to " + receiver + "; they stay on this node until a retry reaches it: " + e.getMessage());
        return;
      }
      batch.forEach((key, copy) -> {
        if (!copy.isRemoval() && !partition.holdsCopy(key, ring)) {
          partition.copies().forgetMoved(key, copy.version());
        }
      });
    }
  }
}
