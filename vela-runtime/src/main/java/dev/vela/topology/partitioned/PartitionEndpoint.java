package dev.vela.topology.partitioned;

import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import dev.vela.CacheStats;
import dev.vela.backend.StoredEntry;
import dev.vela.cluster.CacheEndpoint;
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
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What other nodes of a partitioned cache reach on this one: it has each request decoded once by
 * the {@link Protocol}, dispatches it to the {@link Partition}, the {@link Membership} or the
 * change feed, and has the reply written by the request's message family; views go on to the
 * {@link Membership}.
 *
 * <p>Requests arrive on the cluster's network threads. Reads that cannot wait for anything are
 * answered on the thread that read them from the connection ({@link #answerNow}); the rest arrive on
 * the transport's pool. Those that may wait for another node (a key that is forwarded to its owner
 * or looked up on its previous owner, a fetch claim) or for this cache's first ring are answered on
 * a thread of this cache's own, so that two nodes calling each other never hold up each other's
 * network threads; the rest are answered at once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class PartitionEndpoint<K, V> implements CacheEndpoint {
  private static final long FIRST_VIEW_MILLIS = 30_000;
  /**
   * How long copies wait for the first ring. Their sender answers this cache's first question on
   * the thread that sends them, so a long wait here could hold up the first ring it waits for (a
   * copy sent to this cache's last start, delayed until it started again). Well below the first
   * ring's wait for answers, so the sender is free to answer in time; a copy refused here stays with its
   * sender, which sends it again.
   */
  private static final long COPY_FIRST_VIEW_MILLIS = 100;

  /** The largest reply buffer a thread keeps for its next answers. */
  private static final int MAX_REPLY_BUFFER_BYTES = 64 * 1024;
  /**
   * Each thread's output for the replies it writes, copied out once written: a reply of many values
   * (a GET_ALL) no longer grows a fresh buffer from its first bytes, copying itself at every doubling.
   */
  private static final ThreadLocal<CodecOutput[]> REPLY_BUFFER = ThreadLocal.withInitial(() -> new CodecOutput[] {
      new CodecOutput(1024)});

  private final String cacheName;
  private final Partition<K, V> partition;
  private final Routing routing;
  private final Migration<K, V> migration;
  private final Protocol<K, V> protocol;
  private final Membership membership;
  private final Supplier<CacheStats> stats;
  private final PartitionChangeFeed<K> changes;
  private final ExecutorService waiting;

  PartitionEndpoint(
      String cacheName,
      Partition<K, V> partition,
      Routing routing,
      Migration<K, V> migration,
      Wire<K, V> wire,
      Membership membership,
      Supplier<CacheStats> stats,
      PartitionChangeFeed<K> changes) {
    this.cacheName = cacheName;
    this.partition = partition;
    this.routing = routing;
    this.migration = migration;
    this.protocol = new Protocol<>(wire);
    this.membership = membership;
    this.stats = stats;
    this.changes = changes;
    this.waiting = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "vela-" + cacheName + "-requests-" + partition.self());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Counts down once the first ring has been built, so the cache starts with a real ring. */
  CountDownLatch firstView() {
    return membership.firstRing();
  }

  @Override
  public void membersChanged(List<String> members) {
    membership.viewChanged(members);
  }

  @Override
  public void apartFrom(Set<String> members) {
    membership.apartFrom(members);
  }

  /** Stops answering requests that would wait: the cache has closed. */
  void close() {
    waiting.shutdownNow();
  }

  /**
   * Stops taking requests that would wait, and lets those under way finish, at most {@code grace}:
   * when a cache leaves, the other nodes have stopped routing to it, and the requests they sent
   * before (writes forwarded on to the keys' new owners among them) are answered rather than
   * dropped, so that their callers learn how they ended. Then {@link #close}.
   */
  void closeAfter(Duration grace) {
    waiting.shutdown();
    try {
      waiting.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  @Override
  public void handle(String from, byte[] bytes, Consumer<byte[]> reply) {
    Request<K, V> request;
    long deadline;
    try {
      request = protocol.decode(bytes); // once, here: deciding whether it may wait reads its keys
      deadline = WriteDeadline.of(request.op(), bytes);
    } catch (RuntimeException unreadable) {
      reply.accept(Reply.error("cache '" + cacheName + "' on node " + partition.self() + " could not read a request"
          + " from node " + from + ": " + unreadable.getMessage()));
      return;
    }
    if (request instanceof NodeMessages.NodeRequest<K, V> runs && runs.op() == Op.RUNS) {
      membership.answerRuns(from, runs.apart(), () -> reply.accept(Reply.okEmpty()));
      return;
    }
    if (mayWait(request)) {
      try {
        waiting.execute(() -> serve(from, request, deadline, reply));
      } catch (RejectedExecutionException closing) {
        reply.accept(Reply.error("cache '" + cacheName + "' on node " + partition.self() + " is closing"));
      }
      return;
    }
    serve(from, request, deadline, reply);
  }

  /**
   * Answers now, on the network thread that read it, a read that cannot wait for anything: a GET,
   * ENTRY or GET_ALL of keys this node answers alone (it owns them, no previous owner may still hold
   * them, no members back from being apart are on the other side), from a backend whose reads never
   * wait, once the first ring is built. It is answered as the same read sent DIRECT, which reads
   * the backend and nothing else, so that no change of the ring meanwhile can make it forward, ask
   * another node or take a key's lock here; its reply is the one {@link #handle} would give. Any
   * other request returns false and goes to {@link #handle}.
   */
  @Override
  public boolean answerNow(String from, byte[] bytes, Consumer<byte[]> reply) {
    if (bytes.length == 0 || !readCode(bytes[0]) || !partition.readsWithoutWaiting() || firstView().getCount() > 0) {
      return false;
    }
    Request<K, V> direct;
    try {
      direct = readHereAlone(protocol.decode(bytes));
    } catch (RuntimeException unreadable) {
      return false; // handle() reports what is wrong with it
    }
    if (direct == null) {
      return false;
    }
    byte[] answer;
    try {
      answer = answer(direct, from);
    } catch (RuntimeException e) {
      answer = Reply.error("cache '" + cacheName + "' on node " + partition.self() + " could not serve it: " + e);
    }
    reply.accept(answer);
    return true;
  }

  /** True for the codes of the reads {@link #answerNow} may answer: the others are not decoded twice. */
  private static boolean readCode(byte code) {
    return code == Op.GET.code() || code == Op.ENTRY.code() || code == Op.GET_ALL.code();
  }

  /** {@code request} sent DIRECT, when it is a read of keys this node answers alone; else null. */
  private Request<K, V> readHereAlone(Request<K, V> request) {
    if (request instanceof KeyMessages.KeyRequest<K, V> keyed && (keyed.op() == Op.GET || keyed.op() == Op.ENTRY)) {
      return forwards(keyed.hop(), keyed.key()) ? null : new KeyMessages.KeyRequest<>(keyed.op(), Hop.DIRECT, keyed.key());
    }
    if (request instanceof KeyMessages.KeysRequest<K, V> keys && keys.op() == Op.GET_ALL) {
      for (K key : keys.keys()) {
        if (forwards(keys.hop(), key)) {
          return null;
        }
      }
      return new KeyMessages.KeysRequest<>(Op.GET_ALL, Hop.DIRECT, keys.keys());
    }
    return null;
  }

  /**
   * True when answering may wait for another node or for the first ring: a keyed request that is
   * not DIRECT, unless this node owns its keys and no previous owner may still hold them; and claims.
   */
  private boolean mayWait(Request<K, V> request) {
    if (firstView().getCount() > 0) {
      return true;
    }
    if (request instanceof KeyMessages.KeyRequest<K, V> keyed) {
      return keyed.op() == Op.CLAIM
          || (keyed.op() == Op.GET || keyed.op() == Op.ENTRY || keyed.op() == Op.DELETE) && forwards(keyed.hop(), keyed.key());
    }
    if (request instanceof KeyMessages.KeysRequest<K, V> keys) {
      return keys.keys().stream().anyMatch(key -> forwards(keys.hop(), key));
    }
    if (request instanceof WriteMessages.PutRequest<K, V> put) {
      return forwards(put.hop(), put.key());
    }
    if (request instanceof WriteMessages.PutAllRequest<K, V> putAll) {
      return !putAll.entries().isEmpty() && forwards(putAll.hop(), putAll.entries().keySet().iterator().next());
    }
    if (request instanceof WriteMessages.WriteRequest<K, V> write) {
      return forwards(write.hop(), write.key());
    }
    return false;
  }

  /** True when a request for {@code key} that came with {@code hop} may be answered by another node. */
  private boolean forwards(Hop hop, K key) {
    try {
      return hop != Hop.DIRECT && !partition.answersAlone(key);
    } catch (RuntimeException unroutable) {
      return true; // serving the request reports what is wrong with it
    }
  }

  /** Serves {@code request} unless it is a write that comes after its {@code deadline} (see {@link WriteDeadline}). */
  private void serve(String from, Request<K, V> request, long deadline, Consumer<byte[]> reply) {
    byte[] answer;
    try {
      awaitFirstView(request.op() == Op.COPY ? COPY_FIRST_VIEW_MILLIS : FIRST_VIEW_MILLIS);
      if (request instanceof KeyMessages.KeyRequest<K, V> claim && claim.op() == Op.CLAIM) {
        partition.claim(claim.key(), from, reply);
        return;
      }
      long overdue = WriteDeadline.overdueMillis(deadline);
      if (overdue > 0) {
        // its caller has given up on it: applied now, it could outrank a later, acknowledged write
        reply.accept(Reply.error("cache '" + cacheName + "' on node " + partition.self() + " refused a "
            + request.op().name().toLowerCase(Locale.ROOT) + " that came " + overdue + " ms after its caller stopped"
            + " waiting for it (this node was paused, or its clock is ahead of the caller's); it did not apply"));
        return;
      }
      answer = answer(request, from);
    } catch (RuntimeException e) {
      answer = Reply.error("cache '" + cacheName + "' on node " + partition.self() + " could not serve it: " + e);
    }
    reply.accept(answer);
  }

  /**
   * Requests that waited for this cache to start may arrive before its first view is followed;
   * until then its ring holds itself alone, and would claim every key. Copies wait too, though only
   * briefly (see {@link #COPY_FIRST_VIEW_MILLIS}): applied earlier, they would be part of the first
   * ring's handover, which forgets every key it moves to an owner, and if that first ring lacks a
   * member (its answer did not come in time), a key could end on a node no final ring routes to.
   */
  private void awaitFirstView(long millis) {
    if (firstView().getCount() == 0) {
      return;
    }
    try {
      if (!firstView().await(millis, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("this node has not followed its first cluster view within "
            + Durations.format(Duration.ofMillis(millis)) + "; send the request again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the first cluster view", e);
    }
  }

  /** Has the request answered by its part of the cache, and the reply written by its message family. */
  private byte[] answer(Request<K, V> request, String from) {
    CodecOutput[] slot = REPLY_BUFFER.get();
    CodecOutput reused = slot[0];
    slot[0] = null; // taken: an answer that answers another on this thread (a loopback call) writes its own
    try {
      return answer(request, from, reused == null ? Reply.ok() : Reply.ok(reused));
    } finally {
      if (reused != null && reused.size() <= MAX_REPLY_BUFFER_BYTES) {
        slot[0] = reused; // a large reply's buffer is not kept for the thread's life
      }
    }
  }

  private byte[] answer(Request<K, V> request, String from, CodecOutput out) {
    if (request instanceof KeyMessages.KeyRequest<K, V> keyed) {
      answerKey(keyed, out);
    } else if (request instanceof KeyMessages.KeysRequest<K, V> keys) {
      answerKeys(keys, out);
    } else if (request instanceof WriteMessages.PutRequest<K, V> put) {
      put(put, out);
    } else if (request instanceof WriteMessages.PutAllRequest<K, V> putAll) {
      putAll(putAll, out);
    } else if (request instanceof WriteMessages.WriteRequest<K, V> write) {
      OwnerWrite<V> done = partition.write(write.key(), write.condition(), write.update(), write.hop());
      if (done.changed()) {
        handOnIfLeaving(write.key(), new Versioned<>(done.version(), done.after()));
      }
      protocol.writes().writeWriteAnswer(out, done);
    } else if (request instanceof WriteMessages.LockRequest<K, V> lock) {
      if (lock.op() == Op.LOCK) {
        WriteMessages.writeLockAnswer(out, partition.locks().tryLock(lock.keys(), from, lock.transaction(), lock.lease()));
      } else {
        partition.locks().unlock(lock.keys(), from, lock.transaction());
      }
    } else if (request instanceof NodeMessages.CopyRequest<K, V> copy) {
      partition.copies().apply(copy.copies());
    } else if (request instanceof NodeMessages.ChangeRequest<K, V> change) {
      changes.received(change);
    } else if (request instanceof NodeMessages.NodeRequest<K, V> node) {
      answerNode(node, from, out);
    }
    return out.toByteArray();
  }

  private void answerKey(KeyMessages.KeyRequest<K, V> request, CodecOutput out) {
    KeyMessages<K, V> keys = protocol.keys();
    switch (request.op()) {
      case GET -> keys.writeValue(out, partition.get(request.key(), request.hop()));
      case ENTRY -> keys.writeEntry(out, partition.entry(request.key(), request.hop()));
      case HELD -> keys.writeHeld(out, partition.copies().held(request.key()));
      case DELETE -> KeyMessages.writeRemoval(out, delete(request.key(), request.hop()));
      case RELEASE -> partition.release(request.key());
      default -> throw new IllegalStateException(request.op() + " is not a request about one key answered here");
    }
  }

  private void answerKeys(KeyMessages.KeysRequest<K, V> request, CodecOutput out) {
    if (request.op() == Op.GET_ALL) {
      List<V> values = new ArrayList<>(request.keys().size());
      request.keys().forEach(key -> values.add(partition.get(key, request.hop())));
      protocol.keys().writeValues(out, values);
    } else {
      request.keys().forEach(key -> KeyMessages.writeRemoval(out, delete(key, request.hop())));
    }
  }

  private void put(WriteMessages.PutRequest<K, V> request, CodecOutput out) {
    if (request.entry() == null) {
      // a value that does not decode here is a counted miss, as on reads
      partition.copies().versionOf(request.key()).write(out);
      return;
    }
    Version version = partition.put(request.key(), request.entry(), request.hop());
    handOnIfLeaving(request.key(), new Versioned<>(version, request.entry()));
    version.write(out);
  }

  private void putAll(WriteMessages.PutAllRequest<K, V> request, CodecOutput out) {
    Map<K, StoredEntry<V>> entries = request.entries();
    if (entries.isEmpty()) {
      partition.copies().oldestVersion().write(out);
      return;
    }
    Version version = partition.putAll(entries, request.hop());
    if (storedWhileLeaving(version)) {
      Map<K, Versioned<V>> copies = new LinkedHashMap<>();
      entries.forEach((key, entry) -> copies.put(key, new Versioned<>(version, entry)));
      migration.handOn(copies, routing.ring());
    }
    version.write(out);
  }

  /** Removes {@code key} as a DELETE or DELETE_ALL asks. */
  private Removal delete(K key, Hop hop) {
    Removal removal = partition.delete(key, hop);
    if (removal.version() != null) {
      handOnIfLeaving(key, new Versioned<>(removal.version(), null));
    }
    return removal;
  }

  private void answerNode(NodeMessages.NodeRequest<K, V> request, String from, CodecOutput out) {
    switch (request.op()) {
      case SIZE -> NodeMessages.writeCount(out, partition.sizeHere());
      case FLUSH -> NodeMessages.writeCount(out, partition.flushHere());
      case INVALIDATE_TAG -> NodeMessages.writeCount(out, partition.invalidateTagHere(request.text()));
      case ENTRIES -> protocol.nodes().writeEntries(out, ownedEntries());
      case STATS -> NodeMessages.writeStats(out, stats.get());
      // not a sign that the sender runs the cache: calls travel out of band, so this may be the last
      // message of a cache that has closed since, overtaken by its LEAVING; a cache that starts
      // again says so itself (RUNS) before it hands anything over
      case HANDOVER_DONE -> routing.handoverDone(from, request.text());
      case LEAVING -> membership.departed(from);
      default -> throw new IllegalStateException(request.op() + " is answered before any other request");
    }
  }

  /** A write this node stored for another while leaving goes on to the key's owner without it (see below). */
  private void handOnIfLeaving(K key, Versioned<V> stored) {
    if (storedWhileLeaving(stored.version())) {
      migration.handOn(Map.of(key, stored), routing.ring());
    }
  }

  /**
   * True when this node stored a write another node sent ({@code version} is its own) and has
   * begun to leave: its handover may have passed the key already, and the write would be lost with
   * this node, so it goes on to the key's owner on the ring without this node before it is
   * acknowledged. A write stored before the leave began is in the backend when the handover reads
   * it, since the leave is looked at only after storing.
   */
  private boolean storedWhileLeaving(Version version) {
    return version.node().equals(partition.self()) && routing.isLeaving();
  }

  private List<Map.Entry<K, StoredEntry<V>>> ownedEntries() {
    try (Stream<Map.Entry<K, StoredEntry<V>>> live = partition.ownedEntries()) {
      return live.toList();
    }
  }
}
