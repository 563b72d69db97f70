package dev.vela.topology.partitioned;

import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import dev.vela.VelaException;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.StableHash;
import dev.vela.topology.ring.HashRing;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * This node's share of a partitioned cache, as the owner of its keys serves them: from the backend,
 * and while keys move after a view change, from the key's previous owner when the backend does not
 * hold it yet. A request for a key this node does not own is forwarded once to the owner.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Partition<K, V> {
  private static final int STRIPES = 64;

  private final String self;
  private final CacheBackend<K, V> backend;
  private final Routing routing;
  private final Remote<K, V> remote;
  private final Wire<K, V> wire;
  private final FetchClaims<K> claims = new FetchClaims<>();
  private final Object[] stripes = new Object[STRIPES];
  private final int backups;

  Partition(String self, CacheBackend<K, V> backend, Routing routing, Remote<K, V> remote, Wire<K, V> wire, int backups) {
    this.self = self;
    this.backups = backups;
    this.backend = backend;
    this.routing = routing;
    this.remote = remote;
    this.wire = wire;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  String self() {
    return self;
  }

  long hash(K key) {
    return StableHash.hash64(wire.keyBytes(key));
  }

  /** The owner of {@code key} on the current ring. */
  String ownerOf(K key) {
    return routing.ring().ownerOf(hash(key));
  }

  /** The owner of {@code key} on {@code ring}, then its backups. */
  List<String> replicasOf(K key, HashRing ring) {
    return ring.ownersOf(hash(key), 1 + backups);
  }

  /** True when this node keeps a copy of {@code key} on {@code ring}, as its owner or a backup. */
  boolean holdsCopy(K key, HashRing ring) {
    return backups == 0 ? ring.ownerOf(hash(key)).equals(self) : replicasOf(key, ring).contains(self);
  }

  /** How many backups each key has besides its owner. */
  int backups() {
    return backups;
  }

  /**
   * How many of this node's live entries that pass {@code filter} it owns: with backups, the
   * backend also holds copies of other owners' keys, which cache-wide counts must leave out.
   */
  private long countOwned(Predicate<StoredEntry<V>> filter) {
    HashRing ring = routing.ring();
    try (Stream<Map.Entry<K, StoredEntry<V>>> entries = backend.entries()) {
      return entries.filter(e -> filter.test(e.getValue()) && ring.ownerOf(hash(e.getKey())).equals(self)).count();
    }
  }

  /** The number of entries this node owns. */
  long sizeHere() {
    return backups == 0 ? backend.size() : countOwned(entry -> true);
  }

  /** Removes every entry here, backup copies included; returns how many of them this node owned. */
  long flushHere() {
    if (backups == 0) {
      return backend.flush();
    }
    long owned = countOwned(entry -> true);
    backend.flush();
    return owned;
  }

  /** Removes the entries here tagged {@code tag}, backup copies included; returns how many this node owned. */
  long invalidateTagHere(String tag) {
    if (backups == 0) {
      return backend.invalidateTag(tag);
    }
    long owned = countOwned(entry -> entry.tags().contains(tag));
    backend.invalidateTag(tag);
    return owned;
  }

  /** This node's live entries that it owns (with backups, the copies it holds for others are left out). */
  Stream<Map.Entry<K, StoredEntry<V>>> ownedEntries() {
    if (backups == 0) {
      return backend.entries();
    }
    HashRing ring = routing.ring();
    return backend.entries().filter(e -> ring.ownerOf(hash(e.getKey())).equals(self));
  }

  FetchClaims<K> claims() {
    return claims;
  }

  V get(K key, Hop hop) {
    if (hop == Hop.DIRECT) {
      return backend.get(key);
    }
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.get(owner, key, Hop.FORWARDED);
    }
    V value = backend.get(key);
    if (value != null) {
      return value;
    }
    String previous = previousOwner(key);
    if (previous == null) {
      return null;
    }
    V there = quietly(() -> remote.get(previous, key, Hop.DIRECT));
    // the old owner drops a key only after handing it here: if it just did, it is here now
    return there != null ? there : backend.get(key);
  }

  StoredEntry<V> entry(K key, Hop hop) {
    if (hop == Hop.DIRECT) {
      return backend.entry(key);
    }
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.entry(owner, key, Hop.FORWARDED);
    }
    StoredEntry<V> entry = backend.entry(key);
    if (entry != null) {
      return entry;
    }
    String previous = previousOwner(key);
    if (previous == null) {
      return null;
    }
    StoredEntry<V> there = quietly(() -> remote.entry(previous, key, Hop.DIRECT));
    return there != null ? there : backend.entry(key);
  }

  void put(K key, StoredEntry<V> entry, Hop hop) {
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      remote.put(owner, key, entry, Hop.FORWARDED);
      return;
    }
    synchronized (stripe(key)) {
      backend.put(key, entry.value(), entry.expiresAtMillis(), entry.tags());
    }
  }

  void putAll(Map<K, StoredEntry<V>> entries, Hop hop) {
    K first = entries.keySet().iterator().next();
    String owner = ownerOf(first);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      remote.putAll(owner, entries, Hop.FORWARDED);
      return;
    }
    backend.putAll(entries);
  }

  boolean delete(K key, Hop hop) {
    if (hop == Hop.DIRECT) {
      return backend.delete(key);
    }
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.delete(owner, key, Hop.FORWARDED);
    }
    boolean removed;
    synchronized (stripe(key)) {
      removed = backend.delete(key);
    }
    String previous = previousOwner(key);
    if (previous != null) {
      // the old owner may still hold it and would hand it over later
      Boolean removedThere = quietly(() -> remote.delete(previous, key, Hop.DIRECT));
      removed |= Boolean.TRUE.equals(removedThere);
    }
    return removed;
  }

  /** The backups of {@code key} on the current ring: the members after its owner. */
  List<String> backupsOf(K key) {
    if (backups == 0) {
      return List.of();
    }
    List<String> replicas = replicasOf(key, routing.ring());
    return replicas.subList(1, replicas.size());
  }

  /** Keeps handed-over entries unless a newer write of the key arrived here first. */
  void acceptHandover(Map<K, StoredEntry<V>> entries) {
    entries.forEach((key, entry) -> {
      synchronized (stripe(key)) {
        if (backend.entry(key) == null) {
          backend.put(key, entry.value(), entry.expiresAtMillis(), entry.tags());
        }
      }
    });
  }

  /** Removes {@code key} after its handover, unless it was written again meanwhile. */
  void forgetMoved(K key, StoredEntry<V> moved) {
    synchronized (stripe(key)) {
      StoredEntry<V> now = backend.entry(key);
      if (now != null && now.expiresAtMillis() == moved.expiresAtMillis()
          && (now.value() == moved.value() || now.value().equals(moved.value()))) {
        backend.delete(key);
      }
    }
  }

  /**
   * Answers a claim on {@code key} as its owner: the value when present, else the right to fetch
   * or, when another node fetches it, a wait for that fetch. {@code reply} gets the reply bytes.
   */
  void claim(K key, String claimant, Consumer<byte[]> reply) {
    V present = get(key, Hop.FORWARDED);
    if (present != null) {
      reply.accept(claimAnswer(FetchClaims.Answer.VALUE, present));
      return;
    }
    claims.claim(key, claimant, answer -> {
      if (answer == FetchClaims.Answer.VALUE) {
        V stored = backend.get(key);
        reply.accept(stored == null
            ? claimAnswer(FetchClaims.Answer.RETRY, null)
            : claimAnswer(FetchClaims.Answer.VALUE, stored));
      } else {
        reply.accept(claimAnswer(answer, null));
      }
    });
  }

  void release(K key) {
    claims.release(key, backend.get(key) != null);
  }

  private byte[] claimAnswer(FetchClaims.Answer answer, V value) {
    CodecOutput out = Reply.ok();
    out.writeByte(answer.ordinal());
    if (value != null) {
      wire.writeValue(out, value);
    }
    return out.toByteArray();
  }

  private String previousOwner(K key) {
    Routing.State state = routing.state();
    if (state.previous() == null) {
      return null;
    }
    String previous = state.previous().ownerOf(hash(key));
    return previous.equals(self) || !state.ring().contains(previous) ? null : previous;
  }

  private Object stripe(K key) {
    return stripes[(int) (hash(key) >>> 58)]; // the top 6 bits: 64 stripes
  }

  /** The result of asking an old owner, or null when it cannot answer: then the key is a miss. */
  private static <T> T quietly(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (VelaException gone) {
      return null;
    }
  }
}
