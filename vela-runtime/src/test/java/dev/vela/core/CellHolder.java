package dev.vela.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A thread that runs one piece of counting and then stays alive, holding whatever cell it claimed,
 * until it is closed.
 */
final class CellHolder implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 10;

  private final CountDownLatch counted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Thread thread;

  private CellHolder(Runnable counting) {
    thread = new Thread(() -> {
      counting.run();
      counted.countDown();
      try {
        release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cell-holder");
    thread.setDaemon(true);
  }

  /** Starts a holder and returns once {@code counting} has run on it. */
  static CellHolder start(Runnable counting) throws InterruptedException {
    CellHolder holder = new CellHolder(counting);
    holder.thread.start();
    if (!holder.counted.await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the holder thread did not count within " + DEADLINE_SECONDS + " s");
    }
    return holder;
  }

  /** Runs {@code counting} on a thread that ends; returns once it has ended. */
  static void runToEnd(Runnable counting) throws InterruptedException {
    start(counting).close();
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
  long threadId() {
    return thread.getId();
  }

  /** Lets the thread end and waits until it has. */
  @Override
  public void close() throws InterruptedException {
    release.countDown();
    thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    if (thread.isAlive()) {
      throw new AssertionError("the holder thread did not end within " + DEADLINE_SECONDS + " s");
    }
  }
}
