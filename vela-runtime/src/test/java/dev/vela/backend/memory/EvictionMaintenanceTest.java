package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * LFU, whose order must see every read: a read that fills its stripe of the buffer replays the
 * stripe on its own thread when the eviction lock is free; while another thread holds the lock it
 * hands the replay to the maintenance executor, once at a time, and a read that finds its stripe
 * still full waits for the lock and replays the stripe itself. ADAPTIVE and LRU, which sample their
 * recency under load: a full stripe is handed to the executor, and a read never waits for the lock.
 */
class EvictionMaintenanceTest {
  private static final long DEADLINE_SECONDS = 10;
  private final List<Runnable> replays = new ArrayList<>();

  private MemoryBackend<String, String> bounded(EvictionPolicy policy, Executor maintenance) {
    MemoryBackend<String, String> backend =
        MemoryBackend.bounded(3, policy, new ManualClock(), (key, value, cause) -> {}, maintenance);
    backend.put("a", "v-a", StoredEntry.NO_EXPIRY, Set.of());
    return backend;
  }

  private static void read(MemoryBackend<String, String> backend, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(backend.get("a")).isEqualTo("v-a");
    }
  }

  /** Holds the eviction lock on another thread until the returned latch is counted down. */
  private static CountDownLatch holdLock(MemoryBackend<String, String> backend, List<Thread> started)
      throws InterruptedException {
    return holdLock(backend, started, new AtomicBoolean());
  }

  /** As above; {@code released} turns true just before the holder lets the lock go. */
  private static CountDownLatch holdLock(MemoryBackend<String, String> backend, List<Thread> started,
      AtomicBoolean released) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      backend.eviction.lock();
      try {
        held.countDown();
        release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        released.set(true);
        backend.eviction.unlock();
      }
    }, "eviction-lock-holder");
    holder.start();
    started.add(holder);
    assertThat(held.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("the holder took the lock").isTrue();
    return release;
  }

  @Test
  void aFullStripeIsReplayedByTheReaderWhenTheLockIsFree() {
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.LFU, replays::add);

    read(backend, 3 * ReadBuffer.STRIPE_CAPACITY);

    assertThat(replays).as("no replay handed to the executor").isEmpty();
  }

  @Test
  void whileTheLockIsHeldAFullStripeAsksForOneReplayAndTheNextReadWaits() throws Exception {
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.LFU, replays::add);
    List<Thread> started = new ArrayList<>();
    CountDownLatch release = holdLock(backend, started);

    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(replays).as("the read that filled the stripe").hasSize(1);

    AtomicBoolean done = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      read(backend, 1);
      done.set(true);
    }, "reader-of-a-full-stripe");
    reader.start();
    started.add(reader);
    // the reader finds its own stripe empty unless it shares the test thread's: either way it
    // ends once the lock is free, and the test thread's stripe still waits for its replay
    release.countDown();
    for (Thread thread : started) {
      thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
      assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
    }
    assertThat(done).isTrue();

    read(backend, 1); // finds its stripe full and the lock free: replays it here
    read(backend, ReadBuffer.STRIPE_CAPACITY - 1);
    assertThat(replays).as("the stripe was emptied without the executor").hasSize(1);

    replays.get(0).run();
    read(backend, 2 * ReadBuffer.STRIPE_CAPACITY);
    assertThat(replays).as("the lock is free again: no more replays asked for").hasSize(1);
  }

  @Test
  void aRejectedReplayLeavesTheStripeToTheNextRead() throws Exception {
    List<Runnable> rejected = new ArrayList<>();
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.LFU, task -> {
      if (rejected.isEmpty()) {
        rejected.add(task);
        throw new RejectedExecutionException("shutting down");
      }
      replays.add(task);
    });
    List<Thread> started = new ArrayList<>();
    CountDownLatch release = holdLock(backend, started);

    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(rejected).hasSize(1);
    release.countDown();
    started.get(0).join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(started.get(0).isAlive()).isFalse();

    read(backend, 1); // finds the stripe full: replays it here
    started.clear();
    CountDownLatch releaseAgain = holdLock(backend, started);
    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(replays).as("asked again when the stripe fills again, not left pending").hasSize(1);
    releaseAgain.countDown();
    started.get(0).join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(started.get(0).isAlive()).isFalse();
  }

  @Test
  void aSampledOrdersReadNeverWaitsForTheLock() throws Exception {
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.LRU, replays::add);
    List<Thread> started = new ArrayList<>();
    AtomicBoolean released = new AtomicBoolean();
    CountDownLatch release = holdLock(backend, started, released);

    read(backend, 3 * ReadBuffer.STRIPE_CAPACITY); // fills the stripe, then skips

    assertThat(released).as("the reads ended while the lock was still held").isFalse();
    assertThat(replays).as("one replay asked for while it is pending").hasSize(1);
    release.countDown();
    started.get(0).join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(started.get(0).isAlive()).isFalse();

    replays.get(0).run();
    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(replays).as("the stripe filled again: another replay").hasSize(2);
  }

  @Test
  void aReadOnProbationWhileTheLockIsHeldWaitsForNothingAndTheNextDrainPromotesIt() throws Exception {
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.ADAPTIVE, replays::add);
    backend.put("b", "v-b", StoredEntry.NO_EXPIRY, Set.of()); // the window holds one: "a" goes to probation
    LinkedNode<?, ?> node = (LinkedNode<?, ?>) backend.map.get("a");
    Object probation = node.orderList();
    List<Thread> started = new ArrayList<>();
    AtomicBoolean released = new AtomicBoolean();
    CountDownLatch release = holdLock(backend, started, released);

    // fills the stripe, then each read finds it full while "a" is on probation
    read(backend, ReadBuffer.STRIPE_CAPACITY + 3);

    assertThat(released).as("the reads ended while the lock was still held").isFalse();
    assertThat(node.orderList()).as("not promoted yet: the lock is held").isSameAs(probation);
    release.countDown();
    started.get(0).join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(started.get(0).isAlive()).isFalse();

    backend.put("c", "v-c", StoredEntry.NO_EXPIRY, Set.of()); // a write drains before it changes the order
    assertThat(node.orderList()).as("promoted by the write's drain, before any eviction")
        .isNotSameAs(probation).isNotNull();
  }

  @Test
  void whenItsPromotionsAreFullTooAReadOnProbationIsSkippedWhileTheLockIsHeld() throws Exception {
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.ADAPTIVE, replays::add);
    backend.put("b", "v-b", StoredEntry.NO_EXPIRY, Set.of());
    LinkedNode<?, ?> node = (LinkedNode<?, ?>) backend.map.get("a");
    Object probation = node.orderList();
    List<Thread> started = new ArrayList<>();
    AtomicBoolean released = new AtomicBoolean();
    CountDownLatch release = holdLock(backend, started, released);

    read(backend, ReadBuffer.STRIPE_CAPACITY + Eviction.PROMOTIONS_CAPACITY + 3);

    assertThat(released).as("the reads ended while the lock was still held").isFalse();
    assertThat(node.orderList()).isSameAs(probation);
    release.countDown();
    started.get(0).join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    assertThat(started.get(0).isAlive()).isFalse();
    replays.get(0).run();
    assertThat(node.orderList()).as("the queued promotions were replayed").isNotSameAs(probation);
  }

  @Test
  void aRejectedReplayOfASampledOrderIsAskedForAgainByTheNextSkippedRead() {
    List<Runnable> rejected = new ArrayList<>();
    MemoryBackend<String, String> backend = bounded(EvictionPolicy.ADAPTIVE, task -> {
      if (rejected.isEmpty()) {
        rejected.add(task);
        throw new RejectedExecutionException("shutting down");
      }
      replays.add(task);
    });

    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(rejected).as("the read that filled the stripe").hasSize(1);
    assertThat(replays).isEmpty();

    read(backend, 1); // the stripe is full: skipped, and the replay asked for again

    assertThat(replays).hasSize(1);
  }
}
