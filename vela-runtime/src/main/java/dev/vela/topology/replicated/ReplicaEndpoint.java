package dev.vela.topology.replicated;

import dev.vela.topology.version.HybridClock;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.CacheStats;
import dev.vela.backend.StoredEntry;
import dev.vela.cluster.CacheEndpoint;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.StatsWire;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other nodes of a replicated cache reach on this one: versioned writes to apply, greetings of
 * nodes that start the cache, requests for this node's contents, and membership views.
 *
 * <p>When a view brings back members this node had lost (a healed network partition), both sides
 * hold contents of their own; each then asks the other for its contents and applies them by
 * version, so the two halves converge on the last writer of each key.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ReplicaEndpoint<K, V> implements CacheEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaEndpoint.class);
  /** Key states per batch of a transfer: small enough for one message, large enough to be quick. */
  static final int BATCH_SIZE = 500;

  private final String cacheName;
  private final String self;
  private final ReplicaStore<K, V> store;
  private final HybridClock clock;
  private final Peers peers;
  private final Replicas<K, V> replicas;
  private final Supplier<CacheStats> stats;
  private final ExecutorService work;
  private final ReplicaChangeFeed<K> changes;
  private final LockHolder<K, V> lockHolder;
  private final CountDownLatch firstView = new CountDownLatch(1);
  private final AtomicLong batchesReceived = new AtomicLong();
  private final Set<String> lastView = new HashSet<>();
  private volatile boolean established;

  ReplicaEndpoint(String cacheName, String self, ReplicaStore<K, V> store, HybridClock clock, Peers peers,
      Replicas<K, V> replicas, Supplier<CacheStats> stats, ExecutorService work, ReplicaChangeFeed<K> changes,
      LockHolder<K, V> lockHolder) {
    this.cacheName = cacheName;
    this.self = self;
    this.store = store;
    this.clock = clock;
    this.peers = peers;
    this.replicas = replicas;
    this.stats = stats;
    this.work = work;
    this.changes = changes;
    this.lockHolder = lockHolder;
  }

  /** Counts down once the first view has arrived. */
  CountDownLatch firstView() {
    return firstView;
  }

  /** How many batches of contents this node has received so far. */
  long batchesReceived() {
    return batchesReceived.get();
  }

  /** This node now holds the cache's contents: greetings say so from now on. */
  void established() {
    established = true;
  }

  @Override
  public synchronized void membersChanged(List<String> members) {
    peers.retain(members);
    lockHolder.locks().retainHolders(members); // a node that left will never release its locks
    boolean first = firstView.getCount() > 0;
    for (String member : members) {
      if (!first && established && !member.equals(self) && !lastView.contains(member)) {
        run(() -> greet(member));
      }
    }
    if (!first && !lastView.equals(Set.copyOf(members))) {
      changes.allChanged(); // a member that left or merged back may have written what this node missed
    }
    lastView.clear();
    lastView.addAll(members);
    firstView.countDown();
    notifyAll();
  }

  /**
   * Waits, at most {@code timeout}, until {@code member} is in this node's view: a node that sees
   * this one first (after a merge, say) may ask for the contents before this node can answer it.
   */
  private synchronized void awaitInView(String member, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!lastView.contains(member)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("node " + member + " is not in this node's view of the cluster");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + member + " to come into view", e);
    }
  }

  /**
   * Greets a member that came into view: when it runs the cache it becomes a peer, and when it
   * held contents of its own (a healed partition, not a new node), this node takes them too.
   */
  void greet(String member) {
    Boolean hasContents = replicas.hello(member, established).join();
    if (hasContents == null) {
      return; // it does not run this cache
    }
    peers.add(member);
    if (hasContents && established) {
      try {
        long states = replicas.sync(member, batchesReceived::get);
        LOG.info("replicated cache '{}' merged {} key states from {}", cacheName, states, member);
      } catch (RuntimeException e) {
        LOG.warn("replicated cache '" + cacheName + "' could not merge the contents of " + member, e);
      }
    }
  }

  @Override
  public void handle(String from, byte[] request, Consumer<byte[]> reply) {
    try {
      CodecInput in = new CodecInput(request);
      ReplicaOp op = ReplicaOp.of(in.readUnsignedByte());
      if (op == null) {
        reply.accept(Reply.error("replicated cache '" + cacheName + "' got a request it does not know; do all nodes"
            + " run one version?"));
      } else if (op == ReplicaOp.WRITE) {
        try {
          work.execute(() -> reply.accept(answer(op, from, in))); // it waits for every node: not on a network thread
        } catch (RejectedExecutionException closing) {
          CodecOutput refused = Reply.ok();
          replicas.writeAnswer(refused, null); // closing: the sender asks the next lock holder
          reply.accept(refused.toByteArray());
        }
      } else if (op == ReplicaOp.HELLO || op == ReplicaOp.SYNC) {
        run(() -> reply.accept(answer(op, from, in))); // these wait for writes or send batches: not on a network thread
      } else {
        reply.accept(answer(op, from, in));
      }
    } catch (RuntimeException e) {
      reply.accept(failure(e));
    }
  }

  private byte[] answer(ReplicaOp op, String from, CodecInput in) {
    try {
      CodecOutput out = Reply.ok();
      switch (op) {
        case PUT -> {
          Version version = observed(Version.read(in));
          K key = replicas.wire().readKey(in);
          StoredEntry<V> entry = replicas.wire().readEntry(in);
          if (entry != null) {
            store.put(key, version, entry);
          }
        }
        case PUT_ALL -> {
          Version version = observed(Version.read(in));
          store.putAll(replicas.readEntries(in), version);
        }
        case DELETE -> {
          Version version = observed(Version.read(in));
          store.delete(replicas.wire().readKey(in), version);
        }
        case FLUSH -> out.writeVarLong(store.flush(observed(Version.read(in))));
        case INVALIDATE_TAG -> {
          Version version = observed(Version.read(in));
          out.writeVarLong(store.invalidateTag(in.readString(), version));
        }
        case HELLO -> {
          in.readBoolean();
          peers.add(from); // waits for writes under way, so none of them misses the newcomer
          out.writeBoolean(established);
        }
        case SYNC -> out.writeVarLong(sendContents(from));
        case BATCH -> {
          Map<K, Versioned<V>> states = replicas.readBatch(in);
          states.forEach((key, state) -> {
            observed(state.version());
            store.apply(key, state);
          });
          batchesReceived.incrementAndGet();
        }
        case WRITE -> {
          K key = replicas.wire().readKey(in);
          replicas.writeAnswer(out, lockHolder.applyAsHolder(key, replicas.readCondition(in), replicas.readUpdate(in)));
        }
        case DELETE_ALL -> {
          Version version = observed(Version.read(in));
          for (K key : replicas.wire().readKeys(in)) {
            store.delete(key, version);
          }
        }
        case LOCK -> {
          long transaction = in.readVarLong();
          Duration lease = Duration.ofMillis(in.readVarLong());
          Replicas.writeLockAnswer(out, lockHolder.tryLockHere(replicas.wire().readKeys(in), from, transaction, lease));
        }
        case UNLOCK -> {
          long transaction = in.readVarLong();
          lockHolder.locks().unlock(replicas.wire().readKeys(in), from, transaction);
        }
        case STATS -> StatsWire.write(out, stats.get());
        case LEAVING -> peers.remove(from);
      }
      return out.toByteArray();
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  private long sendContents(String to) {
    awaitInView(to, replicas.rpcTimeout());
    long[] sent = new long[1];
    store.snapshot(BATCH_SIZE, states -> {
      replicas.sendBatch(to, states);
      sent[0] += states.size();
    });
    return sent[0];
  }

  private Version observed(Version version) {
    clock.observe(version.stamp());
    return version;
  }

  private byte[] failure(RuntimeException e) {
    return Reply.error("replicated cache '" + cacheName + "' on node " + self + " could not apply it: " + e);
  }

  private void run(Runnable task) {
    try {
      work.execute(task);
    } catch (RejectedExecutionException closing) {
      LOG.debug("replicated cache '" + cacheName + "' is closing; dropped a task", closing);
    }
  }
}
