package dev.vela.topology.replicated;

import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.CacheStats;
import dev.vela.VelaException;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.cluster.CacheChannel;
import dev.vela.topology.TransactionLocks;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.StatsWire;
import dev.vela.topology.wire.Wire;
import dev.vela.topology.wire.WriteWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Calls to the same replicated cache on other nodes: the requests and how their replies are read.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Replicas<K, V> {
  /** What {@link #lock} returns when the node asked is not the lock holder: not a member name. */
  static final String NOT_THE_HOLDER = "(not the lock holder)";
  private static final int LOCKED = 0;
  private static final int HELD = 1;
  private static final int NOT_HOLDER = 2;
  /** How many times a greeting is sent to a member that does not answer in time. */
  private static final int HELLO_ATTEMPTS = 3;

  private final String cacheName;
  private final CacheChannel channel;
  private final Wire<K, V> wire;
  private final WriteWire<K, V> writes;

  Replicas(String cacheName, CacheChannel channel, Wire<K, V> wire) {
    this.cacheName = cacheName;
    this.channel = channel;
    this.wire = wire;
    this.writes = new WriteWire<>(wire);
  }

  Wire<K, V> wire() {
    return wire;
  }

  Duration rpcTimeout() {
    return channel.rpcTimeout();
  }

  byte[] put(K key, Version version, StoredEntry<V> entry) {
    CodecOutput out = ReplicaOp.PUT.request();
    version.write(out);
    wire.writeKey(out, key);
    wire.writeEntry(out, entry);
    return out.toByteArray();
  }

  byte[] putAll(Map<K, StoredEntry<V>> entries, Version version) {
    CodecOutput out = ReplicaOp.PUT_ALL.request();
    version.write(out);
    wire.writeEntries(out, entries.entrySet());
    return out.toByteArray();
  }

  byte[] delete(K key, Version version) {
    CodecOutput out = ReplicaOp.DELETE.request();
    version.write(out);
    wire.writeKey(out, key);
    return out.toByteArray();
  }

  /** A removal of {@code keys} with one version. */
  byte[] deleteAll(List<K> keys, Version version) {
    CodecOutput out = ReplicaOp.DELETE_ALL.request();
    version.write(out);
    wire.writeKeys(out, keys);
    return out.toByteArray();
  }

  /**
   * Asks {@code holder} to apply a conditional write as the lock holder, and waits for it to have
   * sent the change to every node, this one included. Returns null when it answered that it is not
   * the lock holder (any more): nothing was applied.
   */
  WriteResult<V> write(String holder, K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    CodecOutput out = ReplicaOp.WRITE.request();
    wire.writeKey(out, key);
    writes.writeCondition(out, condition);
    writes.writeUpdate(out, update);
    CodecInput in = call(holder, out.toByteArray(), channel.rpcTimeout());
    return in.readBoolean() ? writes.readResult(in) : null;
  }

  /** {@link #write}, without waiting: a future that may complete on a network thread. */
  CompletableFuture<WriteResult<V>> writeAsync(String holder, K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    CodecOutput out = ReplicaOp.WRITE.request();
    wire.writeKey(out, key);
    writes.writeCondition(out, condition);
    writes.writeUpdate(out, update);
    return channel.call(holder, out.toByteArray(), channel.rpcTimeout()).thenApply(reply -> {
      CodecInput in = Reply.read(holder, reply);
      return in.readBoolean() ? writes.readResult(in) : null;
    });
  }

  /** Reads the condition of a WRITE request, after its key. */
  WriteCondition<V> readCondition(CodecInput in) {
    return writes.readCondition(in);
  }

  /** Reads the update of a WRITE request, after its condition. */
  EntryUpdate<V> readUpdate(CodecInput in) {
    return writes.readUpdate(in);
  }

  /** Writes the answer to a WRITE request: what was done, or null when this node is not the lock holder. */
  void writeAnswer(CodecOutput out, ReplicaWrite<V> done) {
    out.writeBoolean(done != null);
    if (done != null) {
      writes.writeResult(out, done.result());
    }
  }

  /**
   * Asks {@code holder} to lock {@code keys} for {@code transaction} of this node for {@code lease}.
   * Returns null when it did; else the node whose transaction holds them, or {@link
   * #NOT_THE_HOLDER} when {@code holder} is not the lock holder (any more).
   */
  String lock(String holder, List<K> keys, long transaction, Duration lease) {
    CodecOutput out = ReplicaOp.LOCK.request();
    out.writeVarLong(transaction);
    out.writeVarLong(lease.toMillis());
    wire.writeKeys(out, keys);
    CodecInput in = call(holder, out.toByteArray(), channel.rpcTimeout());
    int answer = in.readUnsignedByte();
    return switch (answer) {
      case LOCKED -> null;
      case HELD -> in.readString();
      case NOT_HOLDER -> NOT_THE_HOLDER;
      default -> throw new VelaException("node " + holder + " gave an unknown answer " + answer + " to a lock request"
          + " of replicated cache '" + cacheName + "'; do all nodes run one version?");
    };
  }

  /** Writes the answer to a LOCK request: {@code holder} as {@link TransactionLocks#tryLock} returns it, or {@link #NOT_THE_HOLDER}. */
  static void writeLockAnswer(CodecOutput out, String holder) {
    if (holder == null) {
      out.writeByte(LOCKED);
    } else if (NOT_THE_HOLDER.equals(holder)) {
      out.writeByte(NOT_HOLDER);
    } else {
      out.writeByte(HELD);
      out.writeString(holder);
    }
  }

  /** Releases the keys of {@code transaction} on {@code holder}; best effort, without waiting. */
  void unlock(String holder, List<K> keys, long transaction) {
    CodecOutput out = ReplicaOp.UNLOCK.request();
    out.writeVarLong(transaction);
    wire.writeKeys(out, keys);
    channel.call(holder, out.toByteArray(), channel.rpcTimeout());
  }

  byte[] flush(Version version) {
    CodecOutput out = ReplicaOp.FLUSH.request();
    version.write(out);
    return out.toByteArray();
  }

  byte[] invalidateTag(String tag, Version version) {
    CodecOutput out = ReplicaOp.INVALIDATE_TAG.request();
    version.write(out);
    out.writeString(tag);
    return out.toByteArray();
  }

  /**
   * Sends {@code request} to every peer and waits, at most the rpcTimeout, until each has applied
   * it. A peer that has left the view meanwhile is not waited for.
   *
   * @throws VelaException naming the peers that did not acknowledge it
   */
  void send(List<String> peers, byte[] request) {
    Map<String, CompletableFuture<byte[]>> calls = calls(peers, request);
    calls.values().forEach(call -> call.handle((reply, failure) -> null).join());
    confirm(calls);
  }

  /**
   * {@link #send}, without waiting: a future that completes once every peer has applied the
   * request, or exceptionally with the exception {@code send} throws. It may complete on a network
   * thread.
   */
  CompletableFuture<Void> sendAsync(List<String> peers, byte[] request) {
    Map<String, CompletableFuture<byte[]>> calls = calls(peers, request);
    if (calls.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] settled =
        calls.values().stream().map(call -> call.handle((reply, failure) -> null)).toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(settled).thenRun(() -> confirm(calls));
  }

  private Map<String, CompletableFuture<byte[]>> calls(List<String> peers, byte[] request) {
    Map<String, CompletableFuture<byte[]>> calls = new LinkedHashMap<>();
    for (String peer : peers) {
      calls.put(peer, channel.call(peer, request, channel.rpcTimeout()));
    }
    return calls;
  }

  /** Checks the settled calls of a send: every peer still in the view must have applied it. */
  private void confirm(Map<String, CompletableFuture<byte[]>> calls) {
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    for (Map.Entry<String, CompletableFuture<byte[]>> call : calls.entrySet()) {
      try {
        Reply.read(call.getKey(), call.getValue().join());
      } catch (CompletionException | VelaException e) {
        if (channel.members().contains(call.getKey())) { // one that crashed or left needs no copy
          failed.add(call.getKey());
          first = first == null ? unwrap(e) : first;
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new VelaException(
          "replicated cache '" + cacheName + "' applied the write on this node, but " + failed + " did not confirm it"
              + " within rpcTimeout " + channel.rpcTimeout() + "; retry the write, which supersedes this one everywhere",
          first);
    }
  }

  /** The counters of {@code peers}, added up. */
  CacheStats statsOf(List<String> peers) {
    CacheStats sum = CacheStats.EMPTY;
    byte[] request = ReplicaOp.STATS.request().toByteArray();
    for (String peer : peers) {
      sum = sum.plus(StatsWire.read(call(peer, request, channel.rpcTimeout())));
    }
    return sum;
  }

  /**
   * Tells {@code member} this node runs the cache, and waits at most the rpcTimeout for it to say
   * so too; the node of a member that does not run it says so at once.
   *
   * @return a future of whether {@code member} already holds the cache's contents, or of null when
   *     it does not run the cache or did not answer
   */
  CompletableFuture<Boolean> hello(String member, boolean established) {
    return hello(member, established, HELLO_ATTEMPTS);
  }

  /**
   * {@link #hello}, asking again when {@code member} did not answer in time while it stays in the
   * view: a busy node that runs the cache would otherwise be taken for one that does not, and this
   * node would start without its contents and send it no writes.
   */
  private CompletableFuture<Boolean> hello(String member, boolean established, int attempts) {
    CodecOutput out = ReplicaOp.HELLO.request();
    out.writeBoolean(established);
    return channel.probe(member, out.toByteArray(), channel.rpcTimeout())
        .thenApply(reply -> Reply.read(member, reply).readBoolean())
        .handle((hasContents, failure) -> {
          if (failure == null) {
            return CompletableFuture.completedFuture(hasContents);
          }
          if (attempts > 1 && timedOut(failure) && channel.members().contains(member)) {
            return hello(member, established, attempts - 1);
          }
          return CompletableFuture.<Boolean>completedFuture(null); // it does not run the cache, or is gone
        })
        .thenCompose(answer -> answer);
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Asks {@code donor} for its contents and waits until it has sent them all. It gives up when
   * no batch arrived for a whole rpcTimeout ({@code batchesReceived} counts them).
   *
   * @return how many key states the donor sent
   * @throws VelaException when the donor failed, left, or fell silent
   */
  long sync(String donor, LongSupplier batchesReceived) {
    Duration patience = channel.rpcTimeout();
    CompletableFuture<byte[]> done = channel.call(donor, ReplicaOp.SYNC.request().toByteArray(), Duration.ofDays(1));
    long seen = batchesReceived.getAsLong();
    while (true) {
      try {
        return Reply.read(donor, done.get(patience.toMillis(), TimeUnit.MILLISECONDS)).readVarLong();
      } catch (TimeoutException e) {
        long now = batchesReceived.getAsLong();
        if (now == seen) {
          done.cancel(false);
          throw new VelaException("node " + donor + " sent no part of replicated cache '" + cacheName + "' for "
              + patience + "; the contents come from another node, or raise rpcTimeout", e);
        }
        seen = now;
      } catch (ExecutionException e) {
        throw unwrap(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done.cancel(false);
        throw new VelaException("interrupted while replicated cache '" + cacheName + "' received its contents", e);
      }
    }
  }

  /** Sends one batch of this node's contents to a joining node and waits for it to apply them. */
  void sendBatch(String to, Map<K, Versioned<V>> states) {
    CodecOutput out = ReplicaOp.BATCH.request();
    wire.writeVersioned(out, states);
    call(to, out.toByteArray(), channel.rpcTimeout());
  }

  /** Reads a BATCH request; states whose value does not decode here are left out. */
  Map<K, Versioned<V>> readBatch(CodecInput in) {
    return wire.readVersioned(in);
  }

  /** Reads the entries of a PUT_ALL request; values that do not decode here are left out. */
  Map<K, StoredEntry<V>> readEntries(CodecInput in) {
    return wire.readEntries(in);
  }

  /** Tells {@code peers} this cache has closed here, waiting at most the rpcTimeout; best effort. */
  void leaving(List<String> peers) {
    byte[] request = ReplicaOp.LEAVING.request().toByteArray();
    List<CompletableFuture<byte[]>> calls = new ArrayList<>();
    for (String peer : peers) {
      calls.add(channel.call(peer, request, channel.rpcTimeout()).exceptionally(gone -> null));
    }
    calls.forEach(CompletableFuture::join);
  }

  private CodecInput call(String member, byte[] request, Duration timeout) {
    try {
      return Reply.read(member, channel.call(member, request, timeout).join());
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException runtime ? runtime : new VelaException(String.valueOf(cause), cause);
  }
}
