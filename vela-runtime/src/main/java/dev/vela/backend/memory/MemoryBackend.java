package dev.vela.backend.memory;

import dev.vela.Weigher;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The MEMORY backend: entries as objects in one {@link ConcurrentHashMap}, with no copies.
 *
 * <p>Unbounded, a read is one map lookup with no lock and no allocation; an entry with neither
 * expiry nor tags is held as its bare value, else as a small immutable {@link Node}. Bounded (a
 * {@code maxSize}, or a {@code maxWeight} with a {@link Weigher}), every node also has a place in
 * an {@link dev.vela.backend.eviction.EvictionOrder}; reads offer the node to a striped buffer,
 * and writes change the map, the tag index and the order together under the eviction lock,
 * evicting until the cache is within its limit again. An overwrite that changes only the value
 * (the same expiry, tags and weight) is the exception: it rewrites the node under the node's own
 * monitor and is offered to the buffer as a read ({@link ValueOverwrite}), so a writer of hot keys
 * neither waits for the replays nor makes the readers wait.
 *
 * <p>{@link #putAll} is atomic for readers ({@link AtomicPutAll}); conditional writes are one
 * step ({@link ConditionalWrite}); the sweeper's pass is {@link ExpiredRemoval}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MemoryBackend<K, V> implements CacheBackend<K, V> {
  final ConcurrentHashMap<K, Object> map = new ConcurrentHashMap<>();
  private final TagIndex<K> tagIndex = new TagIndex<>(map);
  final InstantSource clock;
  final RemovalListener<? super K, ? super V> listener;
  /** Null when unbounded. */
  final Eviction<K, V> eviction;
  private final ConditionalWrite<K, V> conditionalWrite = new ConditionalWrite<>(this);
  private final AtomicPutAll<K, V> putAll = new AtomicPutAll<>(this);
  // once an entry that expires was stored, size() has to look at every entry
  private volatile boolean mayHoldExpiring;
  // until a node is stored, every value in the map is bare, so a read need not look at its type
  private volatile boolean mayHoldNodes;

  private MemoryBackend(InstantSource clock, RemovalListener<? super K, ? super V> listener, Eviction<K, V> eviction) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.eviction = eviction;
    this.mayHoldNodes = eviction != null;
  }

  /** A memory backend without a size limit. */
  public static <K, V> MemoryBackend<K, V> unbounded(InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return new MemoryBackend<>(clock, listener, null);
  }

  /**
   * A memory backend holding at most {@code maxSize} entries, evicting by {@code policy}. Reads
   * are replayed into the eviction order on the common pool (see {@link Eviction}).
   *
   * @throws IllegalArgumentException when {@code maxSize} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> bounded(
      long maxSize, EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return bounded(maxSize, policy, clock, listener, ForkJoinPool.commonPool());
  }

  /**
   * A bounded backend whose reads are replayed on {@code maintenance}: the executor a cache's
   * builder was given, or a test's.
   *
   * @throws IllegalArgumentException when {@code maxSize} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> bounded(long maxSize, EvictionPolicy policy, InstantSource clock,
      RemovalListener<? super K, ? super V> listener, Executor maintenance) {
    Objects.requireNonNull(policy, "policy must not be null");
    return new MemoryBackend<>(clock, listener, new Eviction<>(maxSize, policy, null, maintenance));
  }

  /**
   * A memory backend whose entries weigh at most {@code maxWeight} in total, each as {@code
   * weigher} says when it is written, evicting by {@code policy}.
   *
   * @throws IllegalArgumentException when {@code maxWeight} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> weighted(long maxWeight, Weigher<? super K, ? super V> weigher,
      EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener) {
    return weighted(maxWeight, weigher, policy, clock, listener, ForkJoinPool.commonPool());
  }

  /**
   * A weighted backend whose reads are replayed on {@code maintenance}: the executor a cache's
   * builder was given, or a test's.
   *
   * @throws IllegalArgumentException when {@code maxWeight} is below 1 or the policy is TTL_ONLY
   */
  public static <K, V> MemoryBackend<K, V> weighted(long maxWeight, Weigher<? super K, ? super V> weigher,
      EvictionPolicy policy, InstantSource clock, RemovalListener<? super K, ? super V> listener,
      Executor maintenance) {
    Objects.requireNonNull(policy, "policy must not be null");
    Objects.requireNonNull(weigher, "weigher must not be null");
    return new MemoryBackend<>(clock, listener, new Eviction<>(maxWeight, policy, weigher, maintenance));
  }

  @Override
  public V get(K key) {
    Object stored = map.get(key);
    // read after the map: a writer sets the flag before it publishes its node, so a reader that
    // sees the node sees the flag; until then the value's header (a cache miss) is not touched
    if (!mayHoldNodes) {
      @SuppressWarnings("unchecked")
      V bare = (V) stored;
      return bare;
    }
    if (stored instanceof Node) {
      @SuppressWarnings("unchecked")
      Node<V> node = (Node<V>) stored;
      return readNode(key, node);
    }
    @SuppressWarnings("unchecked")
    V bare = (V) stored;
    return bare;
  }

  @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
  private V readNode(K key, Node<V> node) {
    long expiresAt = node.expiresAt(); // before the value: see Node
    if (expiresAt != Node.NO_EXPIRY) {
      if (node instanceof PendingNode<V> pending) {
        return readVisible(key, pending.visible());
      }
      if (expiresAt <= clock.millis()) {
        expire(key, node);
        return null;
      }
    }
    if (eviction != null) {
      eviction.recordRead((LinkedNode<K, V>) node);
    }
    return node.value;
  }

  @SuppressWarnings("unchecked")
  private V readVisible(K key, Object visible) {
    return visible instanceof Node ? readNode(key, (Node<V>) visible) : (V) visible;
  }

  @Override
  public StoredEntry<V> entry(K key) {
    Object visible = PendingNode.visibleOf(map.get(key));
    if (visible == null) {
      return null;
    }
    StoredEntry<V> entry = Node.toEntry(visible);
    if (!entry.neverExpires() && entry.isExpiredAt(clock.millis())) { // most entries spare the clock
      expire(key, (Node<?>) visible);
      return null;
    }
    return entry;
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    Set<String> kept = Node.tagsOrNull(tags);
    noteExpiry(expiresAtMillis);
    if (eviction == null) {
      Object stored = Node.unbounded(value, expiresAtMillis, kept);
      noteNode(stored);
      Object old = map.put(key, stored);
      reconcileTags(key, old, kept);
      return;
    }
    int weight = eviction.weigh(key, value);
    if (map.get(key) instanceof LinkedNode<?, ?> linked) {
      @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
      LinkedNode<K, V> existing = (LinkedNode<K, V>) linked;
      if (ValueOverwrite.tryWrite(eviction, existing, value, expiresAtMillis, kept, weight)) {
        eviction.recordRead(existing); // a use, as for a read: the order is not changed
        return;
      }
    }
    eviction.lock();
    try {
      Object current = map.get(key);
      if (current instanceof LinkedNode<?, ?> linked) {
        @SuppressWarnings("unchecked") // a bounded map holds only LinkedNodes of this cache's types
        LinkedNode<K, V> existing = (LinkedNode<K, V>) linked;
        if (overwriteInPlace(key, existing, value, expiresAtMillis, kept, weight)) {
          return;
        }
      }
      LinkedNode<K, V> node = LinkedNode.of(key, value, expiresAtMillis, kept, eviction.isWeighted());
      // tracked, so weighed, before it is published, and the node it replaces untracked before it
      // leaves the map: an overwrite of a value without the eviction lock looks at both (see
      // ValueOverwrite); under the lock, the key's entry is still current
      eviction.written(current, node, weight);
      Object old = map.put(key, node);
      reconcileTags(key, old, kept);
      evictOverflow();
    } finally {
      eviction.unlock();
    }
  }

  /**
   * Overwrites a bounded entry in place when the node's kind fits the new entry (see {@link
   * LinkedNode#fits}), which spares an allocation, a relink of its neighbours and garbage linked
   * from old nodes. Counts as a use. Caller holds the eviction lock.
   */
  private boolean overwriteInPlace(K key, LinkedNode<K, V> node, V value, long expiresAt, Set<String> tags,
      int weight) {
    if (!node.fits(expiresAt, tags, eviction.isWeighted())) {
      return false;
    }
    Set<String> oldTags = node.tags();
    // under the node's monitor, as an overwrite of the value alone runs, so the two never interleave
    // (see ValueOverwrite)
    synchronized (node) {
      node.rewrite(value, expiresAt, tags);
      eviction.touched(node, weight);
    }
    if (oldTags != null || tags != null) {
      tagIndex.reconcile(key, oldTags);
    }
    evictOverflow(); // a heavier value can take the cache over its weight
    return true;
  }

  /** See {@link AtomicPutAll}. */
  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    putAll.putAll(entries);
  }

  @Override
  public boolean delete(K key) {
    Object old;
    lockIfBounded();
    try {
      old = map.remove(key);
      if (old != null) {
        afterRemoval(key, old);
      }
    } finally {
      unlockIfBounded();
    }
    return old != null && countAsLive(key, PendingNode.visibleOf(old), clock.millis());
  }

  /** See {@link ConditionalWrite}. */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return conditionalWrite.write(key, condition, update);
  }

  @Override
  public long size() {
    if (!mayHoldExpiring) {
      return map.mappingCount();
    }
    long now = clock.millis();
    long live = 0;
    for (Object stored : map.values()) {
      Object visible = PendingNode.visibleOf(stored);
      if (visible != null && !Node.isExpiredAt(visible, now)) {
        live++;
      }
    }
    return live;
  }

  @Override
  public long flush() {
    long now = clock.millis();
    long removed = 0;
    lockIfBounded();
    try {
      for (Map.Entry<K, Object> each : map.entrySet()) {
        K key = each.getKey();
        Object stored = each.getValue();
        if (map.remove(key, stored)) {
          afterRemoval(key, stored);
          if (countAsLive(key, PendingNode.settledOf(stored), now)) {
            removed++;
          }
        }
      }
    } finally {
      unlockIfBounded();
    }
    return removed;
  }

  @Override
  public long invalidateTag(String tag) {
    long now = clock.millis();
    long removed = 0;
    lockIfBounded();
    try {
      for (K key : tagIndex.keysOf(tag)) {
        Object stored = tagIndex.removeIfTagged(key, tag);
        if (stored != null) {
          if (eviction != null) {
            eviction.removed(stored);
          }
          if (countAsLive(key, PendingNode.settledOf(stored), now)) {
            removed++;
          }
        }
      }
    } finally {
      unlockIfBounded();
    }
    return removed;
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    long now = clock.millis();
    return map.entrySet().stream()
        .map(each -> liveEntry(each.getKey(), PendingNode.visibleOf(each.getValue()), now))
        .filter(Objects::nonNull);
  }

  private Map.Entry<K, StoredEntry<V>> liveEntry(K key, Object visible, long now) {
    if (visible == null || Node.isExpiredAt(visible, now)) {
      return null;
    }
    return Map.entry(key, Node.toEntry(visible));
  }

  /** See {@link ExpiredRemoval}. */
  @Override
  public long removeExpired(int batchSize) {
    return ExpiredRemoval.removeExpired(this, batchSize);
  }

  @Override
  public long heldEntries() {
    return map.mappingCount();
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("memory.bounded", Boolean.toString(eviction != null));
    if (eviction != null) {
      details.put("memory.evictionOrder", eviction.policy().name());
      details.put(eviction.isWeighted() ? "memory.maxWeight" : "memory.maxSize", Long.toString(eviction.maximum()));
      details.put("memory.tracked", Long.toString(eviction.tracked()));
      if (eviction.isWeighted()) {
        details.put("memory.weight", Long.toString(eviction.weightedSize()));
      }
    }
    details.put("memory.tags", Integer.toString(tagIndex.tagCount()));
    return details;
  }

  @Override
  public void close() {
    lockIfBounded();
    try {
      map.clear();
      tagIndex.clear();
    } finally {
      unlockIfBounded();
    }
  }

  /** The tag index as it stands, for consistency checks in tests. */
  Map<String, Set<K>> tagIndexSnapshot() {
    return tagIndex.snapshot();
  }

  /** Replays buffered reads into the eviction order, for tests that check the order. */
  void drainReads() {
    if (eviction != null) {
      eviction.drainReads();
    }
  }

  /** The number of entries the eviction order tracks, or -1 when unbounded; for tests. */
  long trackedByEviction() {
    return eviction == null ? -1 : eviction.tracked();
  }

  void expire(K key, Node<?> node) {
    boolean removed;
    lockIfBounded();
    try {
      // a bounded node may have been overwritten in place since the caller found it expired
      removed = node.expiresAt() <= clock.millis() && map.remove(key, node);
      if (removed) {
        afterRemoval(key, node);
      }
    } finally {
      unlockIfBounded();
    }
    if (removed) {
      @SuppressWarnings("unchecked")
      V value = (V) node.value;
      listener.onRemoval(key, value, RemovalCause.EXPIRED);
    }
  }

  /** Evicts while over the limit, as the eviction order chooses. Caller holds the eviction lock. */
  void evictOverflow() {
    LinkedNode<K, V> victim;
    while ((victim = eviction.nextVictim()) != null) {
      eviction.removed(victim);
      if (map.remove(victim.key, victim)) {
        reconcileTags(victim.key, victim, null);
        long expiresAt = victim.expiresAt();
        // most victims never expire: they spare a read of the clock on every eviction
        boolean expired = expiresAt != Node.NO_EXPIRY && expiresAt <= clock.millis();
        listener.onRemoval(victim.key, victim.value, expired ? RemovalCause.EXPIRED : RemovalCause.EVICTED);
      }
    }
  }

  /** Keeps the tag index and eviction order in step after {@code old} left the map. */
  void afterRemoval(K key, Object old) {
    if (eviction != null) {
      eviction.removed(old);
    }
    reconcileTags(key, old, null);
  }

  /** Reconciles the tag index for {@code key} when the old or the new entry has tags. */
  void reconcileTags(K key, Object old, Set<String> newTags) {
    if (newTags == null && !mayHoldNodes) {
      return; // neither entry is a node, so neither has tags; spares a look at the old value's header
    }
    Set<String> oldTags = Node.tagsOf(old);
    if (oldTags != null || newTags != null) {
      tagIndex.reconcile(key, oldTags);
    }
  }

  /**
   * True when a removed entry was live; an expired one is reported to the listener instead, as
   * it left by expiry rather than by the caller's removal.
   */
  @SuppressWarnings("unchecked")
  boolean countAsLive(K key, Object removed, long now) {
    if (removed == null) {
      return false;
    }
    if (Node.isExpiredAt(removed, now)) {
      listener.onRemoval(key, ((Node<V>) removed).value, RemovalCause.EXPIRED);
      return false;
    }
    return true;
  }

  void noteExpiry(long expiresAtMillis) {
    if (expiresAtMillis != StoredEntry.NO_EXPIRY && !mayHoldExpiring) {
      mayHoldExpiring = true;
    }
  }

  void noteNode(Object stored) {
    if (stored instanceof Node<?> && !mayHoldNodes) {
      mayHoldNodes = true;
    }
  }

  void lockIfBounded() {
    if (eviction != null) {
      eviction.lock();
    }
  }

  void unlockIfBounded() {
    if (eviction != null) {
      eviction.unlock();
    }
  }
}
