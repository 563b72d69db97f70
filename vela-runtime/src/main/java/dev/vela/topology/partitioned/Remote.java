package dev.vela.topology.partitioned;

import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.cluster.CacheChannel;
import dev.vela.codec.CodecInput;
import dev.vela.config.Durations;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Calls to the same cache on other nodes: each method has its request written by its message
 * family of the {@link Protocol}, waits for the reply within the rpcTimeout, and has the family
 * read it. The key operations also come without the wait ({@code getAsync}, {@code entryAsync},
 * {@code putAsync}, {@code deleteAsync}, {@code writeAsync}, {@code getAll}, {@code deleteAll}): the future completes with what the blocking form returns, or exceptionally with
 * the {@link VelaException} it throws; it completes on the thread that received the reply, so work
 * chained on it that may block belongs on an executor of its own ({@code thenApplyAsync}). The
 * blocking form sends the same request and reads the same reply, on the calling thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Remote<K, V> {
  private final String cacheName;
  private final CacheChannel channel;
  private final Supplier<List<String>> peers;
  private final KeyMessages<K, V> keys;
  private final WriteMessages<K, V> writes;
  private final NodeMessages<K, V> nodes;

  /** Calls over {@code channel}; cache-wide requests go to {@code peers}, the members that run this cache. */
  Remote(String cacheName, CacheChannel channel, Wire<K, V> wire, Supplier<List<String>> peers) {
    this.cacheName = cacheName;
    this.channel = channel;
    this.peers = peers;
    Protocol<K, V> protocol = new Protocol<>(wire);
    this.keys = protocol.keys();
    this.writes = protocol.writes();
    this.nodes = protocol.nodes();
  }

  /**
   * Tells {@code member} that this node runs the cache, and whether this node's view had lost it
   * ({@code apart}), and asks whether it runs the cache: completes when it answers, exceptionally
   * when its node says the cache does not run there or it does not answer within the rpcTimeout.
   */
  CompletableFuture<Void> announce(String member, boolean apart) {
    return channel.probe(member, NodeMessages.runsRequest(apart), channel.rpcTimeout())
        .thenAccept(reply -> Reply.read(member, reply));
  }

  /** The value of {@code key} on {@code member}, or null when it has none. */
  V get(String member, K key, Hop hop) {
    return keys.readValue(call(member, keys.keyRequest(Op.GET, hop, key)));
  }

  /** As {@link #get}, without waiting: the future completes with the value or null. */
  CompletableFuture<V> getAsync(String member, K key, Hop hop) {
    return send(member, keys.keyRequest(Op.GET, hop, key)).thenApply(keys::readValue);
  }

  /** The entry of {@code key} on {@code member}, or null when it has none. */
  StoredEntry<V> entry(String member, K key, Hop hop) {
    return keys.readEntry(call(member, keys.keyRequest(Op.ENTRY, hop, key)));
  }

  /** As {@link #entry}, without waiting. */
  CompletableFuture<StoredEntry<V>> entryAsync(String member, K key, Hop hop) {
    return send(member, keys.keyRequest(Op.ENTRY, hop, key)).thenApply(keys::readEntry);
  }

  /** Stores an entry on the key's owner; returns the version the owner gave the write. */
  Version put(String member, K key, StoredEntry<V> entry, Hop hop) {
    return Version.read(call(member, deadlined(writes.putRequest(hop, key, entry))));
  }

  /** As {@link #put}, without waiting: the future completes with the owner's version of the write. */
  CompletableFuture<Version> putAsync(String member, K key, StoredEntry<V> entry, Hop hop) {
    return send(member, deadlined(writes.putRequest(hop, key, entry))).thenApply(Version::read);
  }

  /** Stores entries of one owner on it; returns the version the owner gave the batch. */
  Version putAll(String member, Map<K, StoredEntry<V>> entries, Hop hop) {
    return Version.read(call(member, deadlined(writes.putAllRequest(hop, entries))));
  }

  /** Applies a conditional write on the key's owner, in one request; returns what the owner did. */
  OwnerWrite<V> write(String member, K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    return writes.readWriteAnswer(call(member, deadlined(writes.writeRequest(hop, key, condition, update))), update);
  }

  /** As {@link #write}, without waiting. */
  CompletableFuture<OwnerWrite<V>> writeAsync(
      String member, K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    return send(member, deadlined(writes.writeRequest(hop, key, condition, update)))
        .thenApply(in -> writes.readWriteAnswer(in, update));
  }

  /**
   * The entry of {@code key} on {@code member}, from its backend alone, with the version of the
   * write that left it there (null when it knows none).
   */
  Versioned<V> held(String member, K key) {
    return held(member, key, channel.rpcTimeout());
  }

  /** As {@link #held(String, Object)}, waiting at most {@code timeout} for the answer. */
  Versioned<V> held(String member, K key, Duration timeout) {
    byte[] request = keys.keyRequest(Op.HELD, Hop.DIRECT, key);
    return keys.readHeld(read(member, channel.call(member, request, timeout)));
  }

  /** True while {@code member} is in the cluster's current view, which this cache's ring may not show yet. */
  boolean inView(String member) {
    return channel.members().contains(member);
  }

  /** How long a call to another node waits for its answer. */
  Duration rpcTimeout() {
    return channel.rpcTimeout();
  }

  /**
   * Asks {@code member}, the owner of the keys {@code owned}, for their values in one request; the
   * future completes with the present ones.
   */
  CompletableFuture<Map<K, V>> getAll(String member, List<K> owned, Hop hop) {
    return send(member, keys.keysRequest(Op.GET_ALL, hop, owned)).thenApply(in -> keys.readValues(in, owned));
  }

  /**
   * Asks {@code member}, the owner of the keys {@code owned}, to remove them in one request; the
   * future completes with each key's removal, in order.
   */
  CompletableFuture<List<Removal>> deleteAll(String member, List<K> owned, Hop hop) {
    return send(member, deadlined(keys.keysRequest(Op.DELETE_ALL, hop, owned)))
        .thenApply(in -> KeyMessages.readRemovals(in, owned.size()));
  }

  /** Waits for a call started by {@link #getAll} or {@link #deleteAll}; failures as {@link VelaException}. */
  static <T> T await(String member, CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof VelaException vela) {
        throw new VelaException(vela.getMessage(), vela.getCause());
      }
      throw new VelaException("the call to node " + member + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** Removes a key on its owner (or, DIRECT, on an old owner's backend alone). */
  Removal delete(String member, K key, Hop hop) {
    return KeyMessages.readRemoval(call(member, deadlined(keys.keyRequest(Op.DELETE, hop, key))));
  }

  /** As {@link #delete}, without waiting. */
  CompletableFuture<Removal> deleteAsync(String member, K key, Hop hop) {
    return send(member, deadlined(keys.keyRequest(Op.DELETE, hop, key))).thenApply(KeyMessages::readRemoval);
  }

  /**
   * Sends versioned copies to a backup or a new owner, which applies each one only where it is
   * newer than what it holds.
   *
   * <p>A probe: when the cache has closed on {@code member}, its node refuses the copies at once,
   * and the sender keeps them. Parked there until the cache starts again, they would hold up the
   * sender's view thread, which has to answer that new cache's first question (whether this node
   * runs it) before that cache takes any copy: neither would go on until the first ring stopped
   * waiting for answers. A cache that starts again says so, and then gets its keys from the next handover.
   */
  void copy(String member, Map<K, Versioned<V>> copies) {
    read(member, channel.probe(member, nodes.copyRequest(copies), channel.rpcTimeout()));
  }

  /** Tells every other member that this node has moved its keys for the ring {@code ringId}; best effort. */
  void handoverDone(String ringId) {
    byte[] request = NodeMessages.nodeRequest(Op.HANDOVER_DONE, ringId);
    for (String member : peers.get()) {
      if (!member.equals(channel.self())) {
        channel.call(member, request, channel.rpcTimeout()); // no wait: a node that misses it waits for the next view
      }
    }
  }

  /**
   * Tells {@code peers} (the members that run this cache) that it has closed here and handed its
   * keys over, and waits for them to hear it; best effort.
   */
  void leaving(List<String> peers) {
    byte[] request = NodeMessages.nodeRequest(Op.LEAVING, null);
    for (String member : peers) {
      if (!member.equals(channel.self())) {
        channel.call(member, request, channel.rpcTimeout()).exceptionally(failure -> null).join();
      }
    }
  }

  /** The sum over every other member of a count: size, flush or invalidateTag. */
  long sumOthers(Op op, String tag) {
    long sum = 0;
    for (Map.Entry<String, byte[]> reply : callPeers(NodeMessages.nodeRequest(op, tag), op).entrySet()) {
      sum += NodeMessages.readCount(Reply.read(reply.getKey(), reply.getValue()));
    }
    return sum;
  }

  /** Every other member's entries. */
  List<Map.Entry<K, StoredEntry<V>>> entriesOfOthers() {
    List<Map.Entry<K, StoredEntry<V>>> all = new ArrayList<>();
    for (Map.Entry<String, byte[]> reply : callPeers(NodeMessages.nodeRequest(Op.ENTRIES, null), Op.ENTRIES).entrySet()) {
      all.addAll(nodes.readEntries(Reply.read(reply.getKey(), reply.getValue())));
    }
    return all;
  }

  /** Every other member's counters, added up. */
  CacheStats statsOfOthers() {
    CacheStats sum = CacheStats.EMPTY;
    for (Map.Entry<String, byte[]> reply : callPeers(NodeMessages.nodeRequest(Op.STATS, null), Op.STATS).entrySet()) {
      sum = sum.plus(NodeMessages.readStats(Reply.read(reply.getKey(), reply.getValue())));
    }
    return sum;
  }

  /**
   * Sends {@code request} to every other member that runs this cache and waits for all replies.
   * Members without the cache are not asked. A partial answer would be wrong, so when any member
   * does not answer within the rpcTimeout this fails, naming them.
   */
  private Map<String, byte[]> callPeers(byte[] request, Op op) {
    Map<String, CompletableFuture<byte[]>> calls = new LinkedHashMap<>();
    for (String member : peers.get()) {
      if (!member.equals(channel.self())) {
        calls.put(member, channel.call(member, request, channel.rpcTimeout()));
      }
    }
    Map<String, byte[]> replies = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    Throwable first = null;
    for (Map.Entry<String, CompletableFuture<byte[]>> call : calls.entrySet()) {
      try {
        replies.put(call.getKey(), call.getValue().join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        failures.put(call.getKey(), cause.getMessage());
        first = first == null ? cause : first;
      }
    }
    if (!failures.isEmpty()) {
      throw new VelaException("cache '" + cacheName + "' could not complete " + op.name().toLowerCase(Locale.ROOT)
          + ": no answer from " + String.join(", ", failures.keySet()) + " within rpcTimeout "
          + Durations.format(channel.rpcTimeout()) + ", and a result without their entries would be"
          + " wrong. If a node crashed, retry once the cluster has noticed and its view has changed; if it is busy,"
          + " raise rpcTimeout. First failure: " + failures.values().iterator().next(), first);
    }
    return replies;
  }

  /**
   * Asks {@code owner} to lock {@code keys} for {@code transaction} of this node for {@code lease};
   * returns null when it did, else the node whose transaction holds them.
   */
  String lock(String owner, List<K> keys, long transaction, Duration lease) {
    return WriteMessages.readLockAnswer(call(owner, writes.lockRequest(transaction, lease, keys)));
  }

  /** Releases the keys of {@code transaction} on {@code owner}; best effort, without waiting. */
  void unlock(String owner, List<K> keys, long transaction) {
    channel.call(owner, writes.lockRequest(transaction, null, keys), channel.rpcTimeout());
  }

  /** Asks the owner for the right to fetch {@code key}; waits at most {@code timeout} for its answer. */
  CompletableFuture<byte[]> claim(String owner, K key, Duration timeout) {
    return channel.call(owner, keys.keyRequest(Op.CLAIM, Hop.DIRECT, key), timeout);
  }

  /** Gives the right to fetch {@code key} back to its owner; best effort, without waiting. */
  void release(String owner, K key) {
    channel.call(owner, keys.keyRequest(Op.RELEASE, Hop.DIRECT, key), channel.rpcTimeout());
  }

  /** Reads the reply to a claim of a key {@code owner} owns, this node included. */
  KeyMessages.ClaimAnswer<V> readClaimAnswer(String owner, byte[] reply) {
    return keys.readClaimAnswer(Reply.read(owner, reply));
  }

  /** A write request ended with when this node stops waiting for it (see {@link WriteDeadline}). */
  private byte[] deadlined(byte[] write) {
    return WriteDeadline.append(write, channel.rpcTimeout());
  }

  private CodecInput call(String member, byte[] request) {
    return read(member, channel.call(member, request, channel.rpcTimeout()));
  }

  /** Sends {@code request} to {@code member}; the future completes with the reply positioned at its result. */
  private CompletableFuture<CodecInput> send(String member, byte[] request) {
    return channel.call(member, request, channel.rpcTimeout()).thenApply(reply -> Reply.read(member, reply));
  }

  /** Waits for the reply of a call to {@code member} and reads it. */
  private static CodecInput read(String member, CompletableFuture<byte[]> call) {
    return Reply.read(member, await(member, call));
  }
}
