package dev.vela.topology.partitioned;

import dev.vela.topology.TransactionLocks;
import dev.vela.topology.wire.Wire;
import dev.vela.VelaException;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.version.LastWriterWins;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * This node's share of a partitioned cache, as the owner of its keys serves them: from the backend,
 * and while keys move after a view change, from the key's previous owner when the backend does not
 * hold it yet. A request for a key this node does not own is forwarded once to the owner.
 *
 * <p>The owner gives every write a {@link Version} from its hybrid clock; backups and new owners
 * apply a copy only when it is newer than what they hold, so a copy that arrives late, or a stale
 * copy sent again after a view change, never replaces a later write, and a removal leaves a
 * tombstone for a while so a late copy cannot bring the key back.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Partition<K, V> {
  private final String self;
  private final CacheBackend<K, V> backend;
  private final Routing routing;
  private final Remote<K, V> remote;
  private final Wire<K, V> wire;
  private final KeyMessages<K, V> claimAnswers;
  private final FetchClaims<K> claims = new FetchClaims<>();
  private final TransactionLocks<K> locks = new TransactionLocks<>();
  private final KeyStripes<K> stripes;
  private final int backups;
  private final HybridClock clock;
  private final VersionTable<K> versions;
  private final LastWriterWins<K, V> lastWriterWins;
  private final VersionedCopies<K, V> copies;
  private final MergeCatchUp<K, V> catchUp;

  Partition(String self, CacheBackend<K, V> backend, Routing routing, Remote<K, V> remote, Wire<K, V> wire, int backups,
      HybridClock clock, VersionTable<K> versions) {
    this.self = self;
    this.backups = backups;
    this.backend = backend;
    this.routing = routing;
    this.remote = remote;
    this.wire = wire;
    this.claimAnswers = new KeyMessages<>(wire);
    this.clock = clock;
    this.versions = versions;
    this.stripes = new KeyStripes<>(this::hash);
    this.lastWriterWins = new LastWriterWins<>(backend, versions);
    this.copies = new VersionedCopies<>(self, backend, routing, clock, versions, stripes, lastWriterWins);
    this.catchUp = new MergeCatchUp<>(routing, remote, 1 + backups);
  }

  String self() {
    return self;
  }

  long hash(K key) {
    return wire.keyHash(key);
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

  /** The transaction locks this node keeps as the owner of its keys. */
  TransactionLocks<K> locks() {
    return locks;
  }

  /** The copies of keys this node applies from others and hands over to them, with their versions. */
  VersionedCopies<K, V> copies() {
    return copies;
  }

  V get(K key, Hop hop) {
    if (hop == Hop.DIRECT) {
      return backend.get(key);
    }
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.get(owner, key, Hop.FORWARDED);
    }
    catchUpAfterMerge(key);
    V value = backend.get(key);
    if (value != null || versions.isRemoved(key)) {
      return value;
    }
    String previous = holderElsewhere(key, owner);
    if (previous == null) {
      return null;
    }
    V there = fromHolder(previous, () -> remote.get(previous, key, Hop.DIRECT));
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
    catchUpAfterMerge(key);
    StoredEntry<V> entry = backend.entry(key);
    if (entry != null || versions.isRemoved(key)) {
      return entry;
    }
    String previous = holderElsewhere(key, owner);
    if (previous == null) {
      return null;
    }
    StoredEntry<V> there = fromHolder(previous, () -> remote.entry(previous, key, Hop.DIRECT));
    return there != null ? there : backend.entry(key);
  }

  /**
   * While members back from being apart are on the other side (see {@link Routing}), the key's
   * replicas among them may hold a newer write of it than this node (which may not even have
   * noticed the split, if it was stopped meanwhile): asks them for their copy with its version, and
   * applies it here when it is newer, so a read never serves what a write made apart has replaced.
   * See {@link MergeCatchUp} for what happens when they cannot be asked.
   *
   * @throws VelaException when no replica on the other side answered within the rpcTimeout: the
   *     copy here may be older than an acknowledged write, so it is not served
   */
  private void catchUpAfterMerge(K key) {
    Versioned<V> there = catchUp.newest(key, hash(key));
    if (there != null && there.version().isAfter(copies.versionOf(key))) {
      copies.applyCopies(Map.of(key, there));
    }
  }

  /** Stores {@code entry} as the key's owner (or forwards it there); returns the version it gave the write. */
  Version put(K key, StoredEntry<V> entry, Hop hop) {
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.put(owner, key, entry, Hop.FORWARDED);
    }
    copies.pruneVersionsIfDue();
    ReentrantLock lock = stripes.of(key);
    lock.lock();
    try {
      Version version = nextVersion();
      lastWriterWins.store(key, new Versioned<>(version, entry));
      return version;
    } finally {
      lock.unlock();
    }
  }

  /** Stores entries of one owner at once as their owner (or forwards them there); returns the batch's version. */
  Version putAll(Map<K, StoredEntry<V>> entries, Hop hop) {
    K first = entries.keySet().iterator().next();
    String owner = ownerOf(first);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.putAll(owner, entries, Hop.FORWARDED);
    }
    copies.pruneVersionsIfDue();
    return stripes.underAll(entries.keySet(), () -> {
      Version version = nextVersion();
      lastWriterWins.storeAll(entries, version);
      return version;
    });
  }

  /** Removes {@code key} as its owner (or forwards it there), leaving a tombstone. */
  Removal delete(K key, Hop hop) {
    if (hop == Hop.DIRECT) {
      return new Removal(backend.delete(key), null);
    }
    String owner = ownerOf(key);
    if (hop == Hop.ROUTED && !owner.equals(self)) {
      return remote.delete(owner, key, Hop.FORWARDED);
    }
    copies.pruneVersionsIfDue();
    boolean removed;
    Version version;
    ReentrantLock lock = stripes.of(key);
    lock.lock();
    try {
      version = nextVersion();
      removed = lastWriterWins.store(key, new Versioned<>(version, null));
    } finally {
      lock.unlock();
    }
    String previous = holderElsewhere(key, owner);
    if (previous != null) {
      // the old owner may still hold it and would hand it over later
      Removal there = fromHolder(previous, () -> remote.delete(previous, key, Hop.DIRECT));
      removed |= there != null && there.removed();
    }
    return new Removal(removed, version);
  }

  /**
   * Applies a conditional write as the key's owner (or forwards it there): under the key's lock,
   * tests {@code condition} against the entry here and, when it holds, applies {@code update} with
   * a new version. While keys move, the entry is read with its version from the node that may
   * still hold it (the previous owner, or the owner this node's ring names when a request was
   * forwarded here) and the newer of that and this node's copy is the one tested, so the condition
   * sees the key's real state; a later copy from that node is older than this write and is dropped. A node that is leaving applies nothing itself: its
   * handover may have passed the key already, so the write goes on to the owner on the ring
   * without it.
   *
   * @throws VelaException when the node that may hold the key cannot be asked: the write did not apply
   */
  OwnerWrite<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    String owner = ownerOf(key);
    if (!owner.equals(self) && (hop == Hop.ROUTED || routing.isLeaving())) {
      return remote.write(owner, key, condition, update, Hop.FORWARDED);
    }
    copies.pruneVersionsIfDue();
    catchUpAfterMerge(key); // the condition must see a newer write made on the other side
    String holder = holderElsewhere(key, owner);
    OwnerWrite<V> done = writeUnlessLeaving(key, condition, update, holder);
    if (done == null) {
      // the leave began since the check above: its handover may take the key now
      return remote.write(ownerOf(key), key, condition, update, Hop.FORWARDED);
    }
    if (done.changed() && done.after() == null && holder != null) {
      fromHolder(holder, () -> remote.delete(holder, key, Hop.DIRECT)); // as delete does: it would hand the key over later
    }
    return done;
  }

  /** The key's entry and version on {@code holder}; null when it holds none or has left (see {@link #fromHolder}). */
  private Versioned<V> heldBy(String holder, K key) {
    return fromHolder(holder, () -> remote.held(holder, key));
  }

  /** The write of {@link #write} under the key's lock; null, with nothing done, when this node is leaving. */
  private OwnerWrite<V> writeUnlessLeaving(K key, WriteCondition<V> condition, EntryUpdate<V> update, String holder) {
    ReentrantLock lock = stripes.of(key);
    lock.lock();
    try {
      if (routing.isLeaving()) {
        return null;
      }
      StoredEntry<V> current = backend.entry(key);
      if (holder != null) {
        // the holder's copy may be newer than this node's (none, or a backup's that a write has
        // passed); its handover copy cannot arrive meanwhile, since applying it takes this lock,
        // and the holder forgets the key only once that copy is applied. The write below gets a
        // later version than the holder's, so the late copy cannot replace it.
        Versioned<V> held = heldBy(holder, key);
        if (held != null && lastWriterWins.isNewer(key, held.version())) {
          clock.observe(held.version().stamp());
          current = held.entry();
        }
      }
      if (!condition.test(current)) {
        return new OwnerWrite<>(false, current, null, null);
      }
      StoredEntry<V> after = update.apply(current);
      if (current == null && after == null) {
        return new OwnerWrite<>(true, null, null, null); // nothing to remove or change
      }
      Version version = nextVersion();
      lastWriterWins.store(key, new Versioned<>(version, after));
      return new OwnerWrite<>(true, current, version, after);
    } finally {
      lock.unlock();
    }
  }

  private Version nextVersion() {
    return new Version(clock.next(), self);
  }

  /** This node's current ring. */
  HashRing ring() {
    return routing.ring();
  }

  /**
   * Where a copy of a write of {@code key} goes, once the key's owner on {@code routedBy} (the ring
   * the write was routed by) has stored it: the key's backups on that ring and, when this node's
   * ring has changed since, the key's owner and backups on the current one; never that owner, which
   * has it. Backups of the routing ring alone could miss the replicas that serve the key from now
   * on, and those of the current ring alone the backups the owner's handover counts on: either
   * could later serve an older value than the acknowledged write.
   */
  List<String> copyTargets(K key, HashRing routedBy) {
    if (backups == 0) {
      return List.of();
    }
    List<String> routed = replicasOf(key, routedBy);
    List<String> targets = new java.util.ArrayList<>(routed.subList(1, routed.size()));
    HashRing now = routing.ring();
    if (now != routedBy) {
      replicasOf(key, now).stream().filter(member -> !targets.contains(member) && !member.equals(routed.get(0)))
          .forEach(targets::add);
    }
    return targets;
  }

  /** The backups of {@code key} on the current ring: the members after its owner. */
  List<String> backupsOf(K key) {
    if (backups == 0) {
      return List.of();
    }
    List<String> replicas = replicasOf(key, routing.ring());
    return replicas.subList(1, replicas.size());
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
    return claimAnswers.claimAnswer(answer, value);
  }

  /**
   * True when this node's backend answers a read without waiting for anything: it keeps its entries
   * in memory (a read takes at most the memory backend's own short locks, never one held across a
   * call), where a disk or Redis backend may wait on a file or another process.
   */
  boolean readsWithoutWaiting() {
    return backend instanceof MemoryBackend;
  }

  /**
   * True when a request for {@code key} is answered from this node's backend alone: it owns the
   * key, and no previous owner may still hold it.
   */
  boolean answersAlone(K key) {
    return ownerOf(key).equals(self) && previousOwner(key) == null && routing.state().otherSide() == null;
  }

  /**
   * The node that may still hold {@code key} when this node, serving it, does not: the previous
   * owner while keys move, or, for a request forwarded here although this node's ring names
   * {@code owner} (the sender's ring is ahead: {@code owner} is leaving, or a view is on its way),
   * that owner, which hands the key here. Null when no other node may hold it.
   */
  private String holderElsewhere(K key, String owner) {
    return owner.equals(self) ? previousOwner(key) : owner;
  }

  private String previousOwner(K key) {
    Routing.State state = routing.state();
    if (state.previous() == null) {
      return null;
    }
    String previous = state.previous().ownerOf(hash(key));
    return previous.equals(self) || !state.ring().contains(previous) ? null : previous;
  }

  /**
   * The answer of {@code holder}, a node that may still hold a key this node serves (see {@link
   * #holderElsewhere}); null when it cannot be asked because it has left this node's ring since (a
   * cache leaves only once it has handed its keys over, so they are here), or has left the cluster's
   * view, which this cache's ring follows once the view reaches it.
   *
   * @throws VelaException when a holder still in the ring and the view cannot be asked: it may hold
   *     the key's latest acknowledged write, so neither "absent" nor this node's copy is a safe answer
   */
  private <T> T fromHolder(String holder, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (VelaException unreachable) {
      if (routing.ring().contains(holder) && remote.inView(holder)) {
        throw new VelaException("node " + holder + ", which may still hold this key while keys move to " + self
            + ", did not answer (" + unreachable.getMessage() + "), and without its answer the key's latest write"
            + " is not known here; retry once " + holder + " answers again or leaves the view", unreachable);
      }
      return null;
    }
  }
}
