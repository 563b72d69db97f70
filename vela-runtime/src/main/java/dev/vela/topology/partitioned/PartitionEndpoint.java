package dev.vela.topology.partitioned;

import dev.vela.topology.wire.StatsWire;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import dev.vela.CacheStats;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.cluster.CacheEndpoint;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.config.Durations;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What other nodes of a partitioned cache reach on this one: it reads each request and has the
 * {@link Partition} or the backend answer it, and passes views on to the {@link Membership}.
 *
 * <p>Requests arrive on the cluster's network threads. Those that may wait for another node (a
 * key that is forwarded to its owner or looked up on its previous owner, a fetch claim) or for
 * this cache's first ring are answered on a thread of this cache's own, so that two nodes calling
 * each other never hold up each other's network threads; the rest are answered at once.
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
   * ring's grace, so the sender is free to answer in time; a copy refused here stays with its
   * sender, which sends it again.
   */
  private static final long COPY_FIRST_VIEW_MILLIS = 100;

  private final String cacheName;
  private final Partition<K, V> partition;
  private final CacheBackend<K, V> backend;
  private final Routing routing;
  private final Migration<K, V> migration;
  private final Remote<K, V> remote;
  private final Wire<K, V> wire;
  private final Membership membership;
  private final Supplier<CacheStats> stats;
  private final PartitionChangeFeed<K> changes;
  private final ExecutorService waiting;

  PartitionEndpoint(
      String cacheName,
      Partition<K, V> partition,
      CacheBackend<K, V> backend,
      Routing routing,
      Migration<K, V> migration,
      Remote<K, V> remote,
      Wire<K, V> wire,
      Membership membership,
      Supplier<CacheStats> stats,
      PartitionChangeFeed<K> changes) {
    this.cacheName = cacheName;
    this.partition = partition;
    this.backend = backend;
    this.routing = routing;
    this.migration = migration;
    this.remote = remote;
    this.wire = wire;
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
  public void handle(String from, byte[] request, Consumer<byte[]> reply) {
    if (request.length > 0 && request[0] == Op.RUNS.code()) {
      boolean apart = request.length > 1 && request[1] != 0; // see Remote#announce
      membership.answerRuns(from, apart, () -> reply.accept(Reply.okEmpty()));
      return;
    }
    if (mayWait(request)) {
      try {
        waiting.execute(() -> serve(from, request, reply));
      } catch (RejectedExecutionException closing) {
        reply.accept(Reply.error("cache '" + cacheName + "' on node " + partition.self() + " is closing"));
      }
      return;
    }
    serve(from, request, reply);
  }

  /**
   * True when answering may wait for another node or for the first ring: a keyed request that is
   * not DIRECT, unless this node owns the key and no previous owner may still hold it; and claims.
   */
  private boolean mayWait(byte[] request) {
    if (request.length == 0) {
      return false; // serving it reports that it is empty
    }
    if (firstView().getCount() > 0) {
      return true;
    }
    Op op = Op.of(request[0]);
    if (op == Op.CLAIM) {
      return true;
    }
    if (op != Op.GET && op != Op.ENTRY && op != Op.PUT && op != Op.PUT_ALL && op != Op.DELETE && op != Op.WRITE
        && op != Op.GET_ALL && op != Op.DELETE_ALL) {
      return false;
    }
    try {
      CodecInput in = new CodecInput(request);
      in.readUnsignedByte();
      if (Hop.of(in.readUnsignedByte()) == Hop.DIRECT) {
        return false;
      }
      if (op == Op.GET_ALL || op == Op.DELETE_ALL) {
        return !wire.readKeys(in).stream().allMatch(partition::answersAlone);
      }
      if (op == Op.PUT_ALL) {
        in.readLength(1);
      }
      return !partition.answersAlone(wire.readKey(in));
    } catch (RuntimeException unreadable) {
      return true; // the request itself reports what is wrong with it
    }
  }

  private void serve(String from, byte[] request, Consumer<byte[]> reply) {
    byte[] answer;
    try {
      boolean copies = request.length > 0 && request[0] == Op.COPY.code();
      awaitFirstView(copies ? COPY_FIRST_VIEW_MILLIS : FIRST_VIEW_MILLIS);
      CodecInput in = new CodecInput(request);
      Op op = Op.of(in.readUnsignedByte());
      if (op == null) {
        reply.accept(Reply.error("cache '" + cacheName + "' got a request it does not know; do all nodes run one version?"));
        return;
      }
      if (op == Op.CLAIM) {
        Hop.of(in.readUnsignedByte());
        partition.claim(wire.readKey(in), from, reply);
        return;
      }
      long overdue = WriteDeadline.carries(op) ? WriteDeadline.overdueMillis(request) : 0;
      if (overdue > 0) {
        // its caller has given up on it (see WriteDeadline): applied now, it could outrank a later write
        reply.accept(Reply.error("cache '" + cacheName + "' on node " + partition.self() + " refused a "
            + op.name().toLowerCase(Locale.ROOT) + " that came " + overdue + " ms after its caller stopped"
            + " waiting for it (this node was paused, or its clock is ahead of the caller's); it did not apply"));
        return;
      }
      answer = answer(op, from, in);
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
   * member (its answer came after the grace), a key could end on a node no final ring routes to.
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

  private byte[] answer(Op op, String from, CodecInput in) {
    CodecOutput out = Reply.ok();
    switch (op) {
      case GET -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        V value = partition.get(wire.readKey(in), hop);
        out.writeBoolean(value != null);
        if (value != null) {
          wire.writeValue(out, value);
        }
      }
      case ENTRY -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        StoredEntry<V> entry = partition.entry(wire.readKey(in), hop);
        out.writeBoolean(entry != null);
        if (entry != null) {
          wire.writeEntry(out, entry);
        }
      }
      case PUT -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        K key = wire.readKey(in);
        StoredEntry<V> entry = wire.readEntry(in);
        if (entry == null) {
          partition.copies().versionOf(key).write(out); // a value that does not decode here is a counted miss, as on reads
        } else {
          Version version = partition.put(key, entry, hop);
          if (storedWhileLeaving(version)) {
            migration.handOn(Map.of(key, new Versioned<>(version, entry)), routing.ring());
          }
          version.write(out);
        }
      }
      case PUT_ALL -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        Map<K, StoredEntry<V>> entries = remote.readEntries(in);
        if (entries.isEmpty()) {
          partition.copies().oldestVersion().write(out);
        } else {
          Version version = partition.putAll(entries, hop);
          if (storedWhileLeaving(version)) {
            Map<K, Versioned<V>> copies = new LinkedHashMap<>();
            entries.forEach((key, entry) -> copies.put(key, new Versioned<>(version, entry)));
            migration.handOn(copies, routing.ring());
          }
          version.write(out);
        }
      }
      case DELETE -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        K key = wire.readKey(in);
        Removal removal = partition.delete(key, hop);
        if (removal.version() != null && storedWhileLeaving(removal.version())) {
          migration.handOn(Map.of(key, new Versioned<>(removal.version(), null)), routing.ring());
        }
        Remote.writeRemoval(out, removal);
      }
      case WRITE -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        K key = wire.readKey(in);
        OwnerWrite<V> done = partition.write(key, remote.readCondition(in), remote.readUpdate(in), hop);
        if (done.changed() && storedWhileLeaving(done.version())) {
          migration.handOn(Map.of(key, new Versioned<>(done.version(), done.after())), routing.ring());
        }
        remote.writeAnswer(out, done);
      }
      case HELD -> remote.writeHeld(out, partition.copies().held(wire.readKey(in)));
      case GET_ALL -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        for (K key : wire.readKeys(in)) {
          V value = partition.get(key, hop);
          out.writeBoolean(value != null);
          if (value != null) {
            wire.writeValue(out, value);
          }
        }
      }
      case DELETE_ALL -> {
        Hop hop = Hop.of(in.readUnsignedByte());
        for (K key : wire.readKeys(in)) {
          Removal removal = partition.delete(key, hop);
          if (removal.version() != null && storedWhileLeaving(removal.version())) {
            migration.handOn(Map.of(key, new Versioned<>(removal.version(), null)), routing.ring());
          }
          Remote.writeRemoval(out, removal);
        }
      }
      case SIZE -> out.writeVarLong(partition.sizeHere());
      case FLUSH -> out.writeVarLong(partition.flushHere());
      case INVALIDATE_TAG -> out.writeVarLong(partition.invalidateTagHere(in.readString()));
      case ENTRIES -> writeEntries(out);
      case STATS -> StatsWire.write(out, stats.get());
      case COPY -> partition.copies().apply(remote.readCopies(in));
      // not a sign that the sender runs the cache: calls travel out of band, so this may be the last
      // message of a cache that has closed since, overtaken by its LEAVING; a cache that starts
      // again says so itself (RUNS) before it hands anything over
      case HANDOVER_DONE -> routing.handoverDone(from, in.readString());
      case LEAVING -> membership.departed(from);
      case RELEASE -> {
        in.readUnsignedByte();
        partition.release(wire.readKey(in));
      }
      case CHANGED -> changes.received(in);
      case LOCK -> {
        long transaction = in.readVarLong();
        Duration lease = Duration.ofMillis(in.readVarLong());
        String holder = partition.locks().tryLock(wire.readKeys(in), from, transaction, lease);
        out.writeBoolean(holder == null);
        if (holder != null) {
          out.writeString(holder);
        }
      }
      case UNLOCK -> {
        long transaction = in.readVarLong();
        partition.locks().unlock(wire.readKeys(in), from, transaction);
      }
      case CLAIM -> throw new IllegalStateException("claims are answered asynchronously");
      case RUNS -> throw new IllegalStateException("announcements are answered before any other request");
    }
    return out.toByteArray();
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

  private void writeEntries(CodecOutput out) {
    List<Map.Entry<K, StoredEntry<V>>> entries;
    try (Stream<Map.Entry<K, StoredEntry<V>>> live = partition.ownedEntries()) {
      entries = live.toList();
    }
    out.writeVarInt(entries.size());
    for (Iterator<Map.Entry<K, StoredEntry<V>>> it = entries.iterator(); it.hasNext(); ) {
      Map.Entry<K, StoredEntry<V>> entry = it.next();
      wire.writeKey(out, entry.getKey());
      wire.writeEntry(out, entry.getValue());
    }
  }
}
