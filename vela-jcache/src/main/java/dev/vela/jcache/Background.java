package dev.vela.jcache;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the work of JCache caches that does not run on the caller's thread runs: asynchronous
 * listeners and {@code loadAll}. Daemon threads, made when needed and dropped after a minute idle,
 * so a blocking loader or listener never holds up the common pool.
 */
final class Background {
  static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "vela-jcache-background");
    thread.setDaemon(true);
    return thread;
  });

  private Background() {}
}
