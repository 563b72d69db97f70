package dev.vela.topology.partitioned;

import dev.vela.topology.wire.StatsWire;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import dev.vela.topology.wire.WriteWire;
import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.cluster.CacheChannel;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
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
 * Calls to the same cache on other nodes: each method writes a request, waits for the reply within
 * the rpcTimeout, and reads it. The key operations also come without the wait ({@code getAsync},
 * {@code entryAsync}, {@code putAsync}, {@code deleteAsync}, {@code writeAsync}, {@code getAll},
 * {@code deleteAll}): the future completes with what the blocking form returns, or exceptionally with
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
  private final Wire<K, V> wire;
  private final Supplier<List<String>> peers;
  private final WriteWire<K, V> writes;

  /** Calls over {@code channel}; cache-wide requests go to {@code peers}, the members that run this cache. */
  Remote(String cacheName, CacheChannel channel, Wire<K, V> wire, Supplier<List<String>> peers) {
    this.cacheName = cacheName;
    this.channel = channel;
    this.wire = wire;
    this.peers = peers;
    this.writes = new WriteWire<>(wire);
  }

  /**
   * Tells {@code member} that this node runs the cache, and whether this node's view had lost it
   * ({@code apart}), and asks whether it runs the cache: completes when it answers, exceptionally
   * when its node says the cache does not run there or it does not answer within the rpcTimeout.
   */
  CompletableFuture<Void> announce(String member, boolean apart) {
    CodecOutput out = Op.RUNS.request();
    out.writeBoolean(apart);
    return channel.probe(member, out.toByteArray(), channel.rpcTimeout())
        .thenAccept(reply -> Reply.read(member, reply));
  }

  /** The value of {@code key} on {@code member}, or null when it has none. */
  V get(String member, K key, Hop hop) {
    return readGet(call(member, keyed(Op.GET, hop, key)));
  }

  /** As {@link #get}, without waiting: the future completes with the value or null. */
  CompletableFuture<V> getAsync(String member, K key, Hop hop) {
    return send(member, keyed(Op.GET, hop, key)).thenApply(this::readGet);
  }

  private V readGet(CodecInput in) {
    return in.readBoolean() ? wire.readValue(in) : null;
  }

  /** The entry of {@code key} on {@code member}, or null when it has none. */
  StoredEntry<V> entry(String member, K key, Hop hop) {
    return readEntry(call(member, keyed(Op.ENTRY, hop, key)));
  }

  /** As {@link #entry}, without waiting. */
  CompletableFuture<StoredEntry<V>> entryAsync(String member, K key, Hop hop) {
    return send(member, keyed(Op.ENTRY, hop, key)).thenApply(this::readEntry);
  }

  private StoredEntry<V> readEntry(CodecInput in) {
    return in.readBoolean() ? wire.readEntry(in) : null;
  }

  /** Stores an entry on the key's owner; returns the version the owner gave the write. */
  Version put(String member, K key, StoredEntry<V> entry, Hop hop) {
    return Version.read(call(member, putRequest(key, entry, hop)));
  }

  /** As {@link #put}, without waiting: the future completes with the owner's version of the write. */
  CompletableFuture<Version> putAsync(String member, K key, StoredEntry<V> entry, Hop hop) {
    return send(member, putRequest(key, entry, hop)).thenApply(Version::read);
  }

  private byte[] putRequest(K key, StoredEntry<V> entry, Hop hop) {
    CodecOutput out = keyedOutput(Op.PUT, hop, key);
    wire.writeEntry(out, entry);
    return WriteDeadline.append(out, channel.rpcTimeout());
  }

  /** Stores entries of one owner on it; returns the version the owner gave the batch. */
  Version putAll(String member, Map<K, StoredEntry<V>> entries, Hop hop) {
    return Version.read(call(member, entries(Op.PUT_ALL, hop, entries)));
  }

  /** Applies a conditional write on the key's owner, in one request; returns what the owner did. */
  OwnerWrite<V> write(String member, K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    return readWrite(call(member, writeRequest(key, condition, update, hop)), update);
  }

  /** As {@link #write}, without waiting. */
  CompletableFuture<OwnerWrite<V>> writeAsync(
      String member, K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    return send(member, writeRequest(key, condition, update, hop)).thenApply(in -> readWrite(in, update));
  }

  private byte[] writeRequest(K key, WriteCondition<V> condition, EntryUpdate<V> update, Hop hop) {
    CodecOutput out = keyedOutput(Op.WRITE, hop, key);
    writes.writeCondition(out, condition);
    writes.writeUpdate(out, update);
    return WriteDeadline.append(out, channel.rpcTimeout());
  }

  private OwnerWrite<V> readWrite(CodecInput in, EntryUpdate<V> update) {
    WriteResult<V> result = writes.readResult(in);
    Version version = in.readBoolean() ? Version.read(in) : null;
    StoredEntry<V> after = version == null ? null : update.apply(result.previous());
    return new OwnerWrite<>(result.applied(), result.previous(), version, after);
  }

  /**
   * The entry of {@code key} on {@code member}, from its backend alone, with the version of the
   * write that left it there (null when it knows none).
   */
  Versioned<V> held(String member, K key) {
    CodecOutput out = Op.HELD.request();
    wire.writeKey(out, key);
    CodecInput in = call(member, out.toByteArray());
    if (!in.readBoolean()) {
      return null;
    }
    Version version = Version.read(in);
    return new Versioned<>(version, in.readBoolean() ? wire.readEntry(in) : null);
  }

  /** Writes the answer to a HELD request. */
  void writeHeld(CodecOutput out, Versioned<V> held) {
    out.writeBoolean(held != null);
    if (held != null) {
      held.version().write(out);
      out.writeBoolean(held.entry() != null);
      if (held.entry() != null) {
        wire.writeEntry(out, held.entry());
      }
    }
  }

  /** Reads the condition and update of a WRITE request, after its key. */
  WriteCondition<V> readCondition(CodecInput in) {
    return writes.readCondition(in);
  }

  /** Reads the update of a WRITE request, after its condition. */
  EntryUpdate<V> readUpdate(CodecInput in) {
    return writes.readUpdate(in);
  }

  /** Writes the owner's answer to a WRITE request; the writer works out the entry after it from the update. */
  void writeAnswer(CodecOutput out, OwnerWrite<V> done) {
    writes.writeResult(out, done.result());
    out.writeBoolean(done.changed());
    if (done.changed()) {
      done.version().write(out);
    }
  }

  /**
   * Asks {@code member}, the owner of {@code keys}, for their values in one request; the future
   * completes with the present ones.
   */
  CompletableFuture<Map<K, V>> getAll(String member, List<K> keys, Hop hop) {
    CodecOutput out = Op.GET_ALL.request();
    out.writeByte(hop.code());
    wire.writeKeys(out, keys);
    return channel.call(member, out.toByteArray(), channel.rpcTimeout()).thenApply(reply -> {
      CodecInput in = Reply.read(member, reply);
      Map<K, V> found = new LinkedHashMap<>();
      for (K key : keys) {
        if (in.readBoolean()) {
          V value = wire.readValue(in);
          if (value != null) {
            found.put(key, value);
          }
        }
      }
      return found;
    });
  }

  /**
   * Asks {@code member}, the owner of {@code keys}, to remove them in one request; the future
   * completes with each key's removal, in order.
   */
  CompletableFuture<List<Removal>> deleteAll(String member, List<K> keys, Hop hop) {
    CodecOutput out = Op.DELETE_ALL.request();
    out.writeByte(hop.code());
    wire.writeKeys(out, keys);
    return channel.call(member, WriteDeadline.append(out, channel.rpcTimeout()), channel.rpcTimeout()).thenApply(reply -> {
      CodecInput in = Reply.read(member, reply);
      List<Removal> removals = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        removals.add(readRemoval(in));
      }
      return removals;
    });
  }

  /** Writes a removal as {@link #readRemoval} reads it. */
  static void writeRemoval(CodecOutput out, Removal removal) {
    out.writeBoolean(removal.removed());
    out.writeBoolean(removal.version() != null);
    if (removal.version() != null) {
      removal.version().write(out);
    }
  }

  private static Removal readRemoval(CodecInput in) {
    boolean removed = in.readBoolean();
    return new Removal(removed, in.readBoolean() ? Version.read(in) : null);
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
    return readRemoval(call(member, deleteRequest(key, hop)));
  }

  /** As {@link #delete}, without waiting. */
  CompletableFuture<Removal> deleteAsync(String member, K key, Hop hop) {
    return send(member, deleteRequest(key, hop)).thenApply(Remote::readRemoval);
  }

  private byte[] deleteRequest(K key, Hop hop) {
    return WriteDeadline.append(keyedOutput(Op.DELETE, hop, key), channel.rpcTimeout());
  }

  /**
   * Sends versioned copies to a backup or a new owner, which applies each one only where it is
   * newer than what it holds.
   *
   * <p>A probe: when the cache has closed on {@code member}, its node refuses the copies at once,
   * and the sender keeps them. Parked there until the cache starts again, they would hold up the
   * sender's view thread, which has to answer that new cache's first question (whether this node
   * runs it) before that cache takes any copy: neither would go on until the grace of the first
   * ring ran out. A cache that starts again says so, and then gets its keys from the next handover.
   */
  void copy(String member, Map<K, Versioned<V>> copies) {
    CodecOutput out = Op.COPY.request();
    wire.writeVersioned(out, copies);
    read(member, channel.probe(member, out.toByteArray(), channel.rpcTimeout()));
  }

  /** Copies read from a COPY request, in order; those whose value does not decode here are left out. */
  Map<K, Versioned<V>> readCopies(CodecInput in) {
    return wire.readVersioned(in);
  }

  /** Tells every other member that this node has moved its keys for the ring {@code ringId}; best effort. */
  void handoverDone(String ringId) {
    CodecOutput out = Op.HANDOVER_DONE.request();
    out.writeString(ringId);
    byte[] request = out.toByteArray();
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
    byte[] request = Op.LEAVING.request().toByteArray();
    for (String member : peers) {
      if (!member.equals(channel.self())) {
        channel.call(member, request, channel.rpcTimeout()).exceptionally(failure -> null).join();
      }
    }
  }

  /** The sum over every other member of a count: size, flush or invalidateTag. */
  long sumOthers(Op op, String tag) {
    CodecOutput out = op.request();
    if (tag != null) {
      out.writeString(tag);
    }
    long sum = 0;
    for (Map.Entry<String, byte[]> reply : callPeers(out.toByteArray(), op).entrySet()) {
      sum += Reply.read(reply.getKey(), reply.getValue()).readVarLong();
    }
    return sum;
  }

  /** Every other member's entries. */
  List<Map.Entry<K, StoredEntry<V>>> entriesOfOthers() {
    List<Map.Entry<K, StoredEntry<V>>> all = new ArrayList<>();
    for (Map.Entry<String, byte[]> reply : callPeers(Op.ENTRIES.request().toByteArray(), Op.ENTRIES).entrySet()) {
      CodecInput in = Reply.read(reply.getKey(), reply.getValue());
      int count = in.readLength(1);
      for (int i = 0; i < count; i++) {
        K key = wire.readKey(in);
        StoredEntry<V> entry = wire.readEntry(in);
        if (entry != null) {
          all.add(Map.entry(key, entry));
        }
      }
    }
    return all;
  }

  /** Every other member's counters, added up. */
  CacheStats statsOfOthers() {
    CacheStats sum = CacheStats.EMPTY;
    for (Map.Entry<String, byte[]> reply : callPeers(Op.STATS.request().toByteArray(), Op.STATS).entrySet()) {
      CodecInput in = Reply.read(reply.getKey(), reply.getValue());
      sum = sum.plus(StatsWire.read(in));
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
    CodecOutput out = Op.LOCK.request();
    out.writeVarLong(transaction);
    out.writeVarLong(lease.toMillis());
    wire.writeKeys(out, keys);
    CodecInput in = call(owner, out.toByteArray());
    return in.readBoolean() ? null : in.readString();
  }

  /** Releases the keys of {@code transaction} on {@code owner}; best effort, without waiting. */
  void unlock(String owner, List<K> keys, long transaction) {
    CodecOutput out = Op.UNLOCK.request();
    out.writeVarLong(transaction);
    wire.writeKeys(out, keys);
    channel.call(owner, out.toByteArray(), channel.rpcTimeout());
  }

  /** Asks the owner for the right to fetch {@code key}; waits at most {@code timeout} for its answer. */
  CompletableFuture<byte[]> claim(String owner, K key, Duration timeout) {
    CodecOutput out = keyedOutput(Op.CLAIM, Hop.DIRECT, key);
    return channel.call(owner, out.toByteArray(), timeout);
  }

  /** Gives the right to fetch {@code key} back to its owner; best effort, without waiting. */
  void release(String owner, K key) {
    channel.call(owner, keyed(Op.RELEASE, Hop.DIRECT, key), channel.rpcTimeout());
  }

  /** A value from a reply, or null when it does not decode here. */
  V readValue(CodecInput in) {
    return wire.readValue(in);
  }

  private byte[] keyed(Op op, Hop hop, K key) {
    return keyedOutput(op, hop, key).toByteArray();
  }

  private CodecOutput keyedOutput(Op op, Hop hop, K key) {
    CodecOutput out = op.request();
    out.writeByte(hop.code());
    wire.writeKey(out, key);
    return out;
  }

  private byte[] entries(Op op, Hop hop, Map<K, StoredEntry<V>> entries) {
    CodecOutput out = op.request();
    out.writeByte(hop.code());
    out.writeVarInt(entries.size());
    entries.forEach((key, entry) -> {
      wire.writeKey(out, key);
      wire.writeEntry(out, entry);
    });
    return WriteDeadline.append(out, channel.rpcTimeout());
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

  /** Entries read from a PUT_ALL request, in order; undecodable values are left out. */
  Map<K, StoredEntry<V>> readEntries(CodecInput in) {
    int count = in.readLength(1);
    Map<K, StoredEntry<V>> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      K key = wire.readKey(in);
      StoredEntry<V> entry = wire.readEntry(in);
      if (entry != null) {
        entries.put(key, entry);
      }
    }
    return entries;
  }
}
