package dev.vela.telemetry;

/**
 * Receives an event when a cache operation ends; the plain, dependency-free way to observe a cache.
 * Register one with {@code builder().listener(...)}.
 *
 * <p>It is called on the thread that ran the operation, after the operation, so it should return
 * quickly: hand slow work to another thread. An exception it throws does not reach the caller of
 * the cache: it is logged (once per listener and cache) and the call goes on.
 *
 * <pre>{@code
 * CacheListener slowFetches = event -> {
 *   if (event instanceof CacheEvent.Fetch fetch && fetch.duration().toMillis() > 100) {
 *     log.info("slow fetch of {} in {}", fetch.key(), fetch.cacheName());
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface CacheListener {

  /** Called once for each operation that ended. */
  void onEvent(CacheEvent event);
}
