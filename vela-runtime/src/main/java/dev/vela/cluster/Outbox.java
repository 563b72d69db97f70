package dev.vela.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The calls or the replies waiting to go to one node, sent in frames by the threads that add them,
 * never by a thread of its own and never after a timer.
 *
 * <p>A thread that adds an entry sends it at once when no other thread is sending to that node;
 * otherwise it leaves it to the sending thread, which, when its send returns, sends everything that
 * piled up meanwhile in one frame. An outbox of calls also keeps at most {@code window} frames on
 * their way: past that, calls wait for the first reply to a call of a frame on its way, whose
 * receiving thread sends them together, or for {@link #unstick} (a millisecond or two, arranged by
 * the owner when told that entries are held). So a lone call leaves at
 * once, and under load many calls share one message, one system call and one hand-off to a thread on
 * each side.
 */
final class Outbox {
  /** A frame holds at most about this many bytes of entries, unless a single entry is larger. */
  static final int MAX_FRAME_BYTES = 60_000;

  private final Queue<CallFrames.Entry> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int window;
  private final Consumer<List<CallFrames.Entry>> send;
  private final Runnable held;
  private volatile long lastSendNanos = System.nanoTime();

  /**
   * An outbox that hands each frame's entries to {@code send}, which must not throw, with at most
   * {@code window} frames on their way ({@link Integer#MAX_VALUE} for replies, which never wait).
   */
  Outbox(int window, Consumer<List<CallFrames.Entry>> send) {
    this(window, send, () -> { });
  }

  /**
   * As above; {@code held} runs whenever entries are left waiting for replies, so that its owner
   * can arrange an {@link #unstick} (nothing needs one while nothing waits).
   */
  Outbox(int window, Consumer<List<CallFrames.Entry>> send, Runnable held) {
    this.window = window;
    this.send = send;
    this.held = held;
  }

  /** True when entries wait for a later frame. */
  boolean holding() {
    return !waiting.isEmpty();
  }

  /** Sends {@code entry}, now or with a later frame. */
  void add(CallFrames.Entry entry) {
    waiting.add(entry);
    drain();
  }

  /** Sends {@code entries}, in one frame when they fit. */
  void addAll(List<? extends CallFrames.Entry> entries) {
    waiting.addAll(entries);
    drain();
  }

  /** Replies to {@code frames} frames came from the node: so many fewer on their way; sends what waited for them. */
  void replied(int frames) {
    inFlight.updateAndGet(left -> Math.max(0, left - frames));
    drain();
  }

  /**
   * Sends what has waited since {@code staleNanos} before {@code nowNanos} or longer (its replies are
   * slow to come, say because the calls they answer wait for something there).
   */
  void unstick(long nowNanos, long staleNanos) {
    if (!waiting.isEmpty() && nowNanos - lastSendNanos > staleNanos) {
      inFlight.set(0);
      drain();
    }
  }

  private void drain() {
    // the check after releasing: an entry added while the last frame went out is never left behind
    while (!waiting.isEmpty() && inFlight.get() < window && sending.compareAndSet(false, true)) {
      try {
        List<CallFrames.Entry> frame = new ArrayList<>();
        int bytes = 0;
        for (CallFrames.Entry next; bytes < MAX_FRAME_BYTES && (next = waiting.poll()) != null; ) {
          frame.add(next);
          bytes += next.size();
        }
        if (!frame.isEmpty()) {
          if (window != Integer.MAX_VALUE) {
            inFlight.incrementAndGet();
          }
          lastSendNanos = System.nanoTime();
          send.accept(frame);
        }
      } finally {
        sending.set(false);
      }
    }
    if (window != Integer.MAX_VALUE && !waiting.isEmpty() && inFlight.get() >= window) {
      held.run();
    }
  }
}
