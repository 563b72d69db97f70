package dev.vela.topology.partitioned;

import dev.vela.VelaException;
import dev.vela.topology.version.Versioned;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bulk calls of a partitioned cache: keys grouped by owner, one request per other owner, all
 * sent at once, while this node serves its own keys. Keys of different owners may be mixed freely:
 * each owner answers for its part, so no cross-slot rule applies.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BulkCalls<K, V> {
  private final String self;
  private final Partition<K, V> partition;
  private final Remote<K, V> remote;
  private final BackupCopies<K, V> backupCopies;

  BulkCalls(String self, Partition<K, V> partition, Remote<K, V> remote, BackupCopies<K, V> backupCopies) {
    this.self = self;
    this.partition = partition;
    this.remote = remote;
    this.backupCopies = backupCopies;
  }

  /** The present values of {@code keys}, in the order asked. */
  Map<K, V> getAll(Collection<? extends K> keys) {
    Map<String, List<K>> byOwner = byOwner(keys);
    if (byOwner.size() == 1) { // one owner's answer is in the order asked already: no maps to merge
      Map.Entry<String, List<K>> only = byOwner.entrySet().iterator().next();
      return only.getKey().equals(self) ? readHere(only.getValue())
          : Remote.await(only.getKey(), remote.getAll(only.getKey(), only.getValue(), Hop.ROUTED));
    }
    Map<String, CompletableFuture<Map<K, V>>> calls = new LinkedHashMap<>();
    byOwner.forEach((owner, owned) -> {
      if (!owner.equals(self)) {
        calls.put(owner, remote.getAll(owner, owned, Hop.ROUTED));
      }
    });
    Map<K, V> found = readHere(byOwner.getOrDefault(self, List.of()));
    calls.forEach((owner, call) -> found.putAll(Remote.await(owner, call)));
    Map<K, V> inOrder = new LinkedHashMap<>();
    for (K key : keys) {
      V value = found.get(key);
      if (value != null) {
        inOrder.put(key, value);
      }
    }
    return inOrder;
  }

  /**
   * {@link #getAll} without waiting: the requests to the other owners are sent before it returns,
   * and this node's keys are read meanwhile; the future completes, possibly on a network thread,
   * when every owner has answered, or exceptionally with a {@link VelaException} when one failed.
   */
  CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    Map<String, List<K>> byOwner = byOwner(keys);
    Map<String, CompletableFuture<Map<K, V>>> calls = new LinkedHashMap<>();
    byOwner.forEach((owner, owned) -> {
      if (!owner.equals(self)) {
        calls.put(owner, remote.getAll(owner, owned, Hop.ROUTED));
      }
    });
    Map<K, V> here = readHere(byOwner.getOrDefault(self, List.of()));
    CompletableFuture<?>[] settled = calls.values().stream()
        .map(call -> call.handle((found, failure) -> null)).toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(settled).thenApply(all -> {
      Map<K, V> found = new LinkedHashMap<>(here);
      calls.forEach((owner, call) -> found.putAll(Remote.await(owner, call))); // complete: no wait
      Map<K, V> inOrder = new LinkedHashMap<>();
      for (K key : keys) {
        V value = found.get(key);
        if (value != null) {
          inOrder.put(key, value);
        }
      }
      return inOrder;
    });
  }

  /** The present values of {@code owned}, keys this node owns, in their order. */
  private Map<K, V> readHere(List<K> owned) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : owned) {
      V value = partition.get(key, Hop.FORWARDED);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  /** Removes {@code keys} on their owners, then copies the removals to their backups; returns how many were live. */
  long deleteAll(Collection<? extends K> keys) {
    Map<String, List<K>> byOwner = byOwner(keys);
    Map<String, CompletableFuture<List<Removal>>> calls = new LinkedHashMap<>();
    byOwner.forEach((owner, owned) -> {
      if (!owner.equals(self)) {
        calls.put(owner, remote.deleteAll(owner, owned, Hop.ROUTED));
      }
    });
    long removed = 0;
    Map<K, Versioned<V>> copies = new LinkedHashMap<>();
    for (K key : byOwner.getOrDefault(self, List.of())) {
      removed += noteRemoval(key, partition.delete(key, Hop.FORWARDED), copies);
    }
    for (Map.Entry<String, CompletableFuture<List<Removal>>> call : calls.entrySet()) {
      List<K> owned = byOwner.get(call.getKey());
      List<Removal> removals = Remote.await(call.getKey(), call.getValue());
      for (int i = 0; i < owned.size(); i++) {
        removed += noteRemoval(owned.get(i), removals.get(i), copies);
      }
    }
    if (partition.backups() > 0 && !copies.isEmpty()) {
      backupCopies.toTheirBackups(copies);
    }
    return removed;
  }

  private static <K, V> long noteRemoval(K key, Removal removal, Map<K, Versioned<V>> copies) {
    if (removal.version() != null) {
      copies.put(key, new Versioned<>(removal.version(), null));
    }
    return removal.removed() ? 1 : 0;
  }

  private Map<String, List<K>> byOwner(Collection<? extends K> keys) {
    Map<String, List<K>> byOwner = new LinkedHashMap<>();
    for (K key : new LinkedHashSet<>(keys)) {
      byOwner.computeIfAbsent(partition.ownerOf(key), owner -> new ArrayList<>()).add(key);
    }
    return byOwner;
  }
}
