package dev.vela.backend;

import dev.vela.codec.CacheTypes;
import dev.vela.config.CacheConfig;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Everything a backend is opened with: the cache's settings, its key and value codecs (for backends
 * that store bytes), the clock that decides expiry, and where to report what the backend removes or
 * cannot read, and the executor of its short background tasks.
 *
 * @param config the cache's settings, option values not yet resolved
 * @param types the key and value types with their codecs
 * @param clock the time source of expiry
 * @param removals told about entries the backend expires or evicts on its own
 * @param decodeErrors told about stored values that cannot be decoded
 * @param executor runs short background tasks (eviction bookkeeping, work handed off a network
 *     thread); never blocked for long, never shut down by the backend
 * @param <K> the key type
 * @param <V> the value type
 */
public record BackendContext<K, V>(
    CacheConfig config,
    CacheTypes<K, V> types,
    InstantSource clock,
    RemovalListener<K, V> removals,
    DecodeErrorListener decodeErrors,
    Executor executor) {

  /** Checks that nothing is null. */
  public BackendContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(removals, "removals");
    Objects.requireNonNull(decodeErrors, "decodeErrors");
    Objects.requireNonNull(executor, "executor");
  }

  /** A context whose background tasks run on the common pool. */
  public BackendContext(CacheConfig config, CacheTypes<K, V> types, InstantSource clock, RemovalListener<K, V> removals,
      DecodeErrorListener decodeErrors) {
    this(config, types, clock, removals, decodeErrors, ForkJoinPool.commonPool());
  }

  /** The cache's name, for messages. */
  public String cacheName() {
    return config.name();
  }
}
