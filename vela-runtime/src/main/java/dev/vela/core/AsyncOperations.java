package dev.vela.core;

import dev.vela.PutOptions;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.config.Durations;
import dev.vela.telemetry.CacheTelemetry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The cache core's asynchronous calls, each built on the topology's asynchronous form of the call
 * its blocking namesake makes, with the same checks, counts and write guards.
 *
 * <p>Arguments are checked before anything starts, and thrown. Then a closed cache, or a store
 * that fails, completes the future exceptionally. A call whose topology answers at once (memory,
 * disk, a node's own copy) returns that complete future: no thread hop, no allocation beyond it.
 * One that waits for the network is completed through the cache's {@link AsyncExecutor}, never on
 * the I/O thread that delivered the answer. {@code compute}, {@code computeIfPresent} and {@code
 * merge} read the entry, run the function (on the calling thread when the read was complete at
 * once, else on the executor) and write on condition, again until a write applies, as the blocking
 * forms in {@link AtomicOperations} do.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class AsyncOperations<K, V> extends AtomicOperations<K, V> {

  /** Where futures that the network completes are completed for the user. */
  abstract AsyncExecutor asyncExecutor();

  /** The cache's default time to live, which telemetry reports for a put without one. */
  abstract Duration defaultTtl();

  @Override
  public CompletableFuture<Optional<V>> getAsync(K key) {
    checkKey(key);
    return started(() -> {
      CacheTelemetry telemetry = telemetry();
      long start = telemetry == null ? 0 : telemetry.startTime();
      return topology().countedGetAsync(key, counter()).thenApply(value -> {
        if (telemetry != null) {
          telemetry.recordGet(key, value != null, start);
        }
        return value == null ? Optional.<V>empty() : Optional.of(value);
      });
    });
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value) {
    return putAsync(key, value, PutOptions.defaults());
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, PutOptions options) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(options, "options must not be null");
    return started(() -> {
      CacheTelemetry telemetry = telemetry();
      long start = telemetry == null ? 0 : telemetry.startTime();
      long expiresAt = options == PutOptions.defaults() ? expiryTimes().defaultExpiry() : expiryTimes().expiryFor(options);
      Set<String> tags = options.tagSet();
      CompletableFuture<Void> stored = guarded(key, () -> topology().putAsync(key, value, expiresAt, tags));
      return stored.whenComplete((done, failure) -> {
        if (failure == null) {
          counter().recordWrites(1);
        }
        if (telemetry != null) {
          Duration ttl = options.isNoExpiry() ? Durations.INFINITE : options.timeToLive().orElse(defaultTtl());
          telemetry.recordPut(key, ttl, tags, failure == null, start);
        }
      });
    });
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    checkKey(key);
    return started(() -> guarded(key, () -> topology().deleteAsync(key)).thenApply(removed -> {
      if (removed) {
        counter().recordDeletes(1);
      }
      return removed;
    }));
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    List<K> checked = checkKeys(keys);
    return started(() -> {
      CacheTelemetry telemetry = telemetry();
      long start = telemetry == null ? 0 : telemetry.startTime();
      CompletableFuture<Map<K, V>> found =
          checked.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : topology().getAllAsync(checked);
      return found.thenApply(values -> {
        StatsCounter counter = counter();
        Map<K, V> ordered = new LinkedHashMap<>();
        for (K key : checked) {
          V value = values.get(key);
          boolean hit = value != null;
          if (hit) {
            ordered.put(key, value);
          }
          counter.recordRead(hit);
          if (telemetry != null) {
            telemetry.recordGet(key, hit, start);
          }
        }
        return ordered;
      });
    });
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    List<K> checked = checkKeys(keys);
    return started(() -> {
      if (checked.isEmpty()) {
        return CompletableFuture.completedFuture(0L);
      }
      KeyLocks locks = locks();
      CompletableFuture<Long> removed =
          locks.underLocks(locks.stripesOf(checked), "deleteAll", () -> topology().deleteAllAsync(checked));
      return removed.thenApply(count -> {
        counter().recordDeletes(count);
        return count;
      });
    });
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsentAsync(K key, V value) {
    return putIfAbsentAsync(key, value, PutOptions.defaults());
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsentAsync(K key, V value, PutOptions options) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(options, "options must not be null");
    return started(() -> {
      EntryUpdate<V> update = options == PutOptions.defaults()
          ? EntryUpdate.put(value, expiryTimes().defaultExpiry(), Set.of())
          : EntryUpdate.put(value, expiryTimes().expiryFor(options), options.tagSet());
      return applied(writeAsync(key, absent(), update));
    });
  }

  @Override
  public CompletableFuture<Boolean> replaceAsync(K key, V value) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    return started(() -> applied(writeAsync(key, present(), keeping(value))));
  }

  @Override
  public CompletableFuture<Boolean> replaceAsync(K key, V expected, V value) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected must not be null");
    Objects.requireNonNull(value, "value must not be null");
    return started(() -> applied(writeAsync(key, WriteCondition.valueEquals(expected), keeping(value))));
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key, V expected) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected must not be null");
    return started(() -> applied(writeAsync(key, WriteCondition.valueEquals(expected), removal())));
  }

  @Override
  public CompletableFuture<Optional<V>> getAndPutAsync(K key, V value) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    return started(() -> {
      EntryUpdate<V> update = EntryUpdate.put(value, expiryTimes().defaultExpiry(), Set.of());
      return writeAsync(key, always(), update).thenApply(result -> valueOf(result.previous()));
    });
  }

  @Override
  public CompletableFuture<Optional<V>> getAndDeleteAsync(K key) {
    checkKey(key);
    return started(() -> writeAsync(key, always(), removal()).thenApply(result -> valueOf(result.previous())));
  }

  @Override
  public CompletableFuture<Boolean> expireAsync(K key, Duration ttl) {
    checkKey(key);
    Objects.requireNonNull(ttl, "ttl must not be null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "ttl must be positive, was " + ttl + "; use deleteAsync(key) to remove an entry, or Durations.INFINITE to"
              + " keep it for ever");
    }
    return started(() -> {
      long expiresAt = expiryTimes().expiryFor(PutOptions.ttl(ttl));
      return applied(writeAsync(key, present(), new EntryUpdate.Expire<>(expiresAt)));
    });
  }

  @Override
  public CompletableFuture<V> computeAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(remapping, "remapping must not be null");
    return started(() -> read(key).thenCompose(seen -> computed(key, seen, remapping, false)));
  }

  @Override
  public CompletableFuture<V> computeIfPresentAsync(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(remapping, "remapping must not be null");
    return started(() -> read(key).thenCompose(seen -> computed(key, seen, remapping, true)));
  }

  @Override
  public CompletableFuture<V> mergeAsync(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    checkKey(key);
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(remapping, "remapping must not be null");
    BiFunction<K, V, V> merging = (k, current) -> current == null ? value : remapping.apply(current, value);
    return started(() -> read(key).thenCompose(seen -> computed(key, seen, merging, false)));
  }

  /**
   * One round of a compute: runs the function on the entry last seen, writes its result on
   * condition that the entry is unchanged, and goes round again on the entry the write found when
   * another writer came first. With {@code onlyPresent}, an absent key ends it with null.
   */
  private CompletableFuture<V> computed(
      K key, StoredEntry<V> seen, BiFunction<? super K, ? super V, ? extends V> remapping, boolean onlyPresent) {
    if (seen == null && onlyPresent) {
      return CompletableFuture.completedFuture(null);
    }
    V result = remapping.apply(key, seen == null ? null : seen.value());
    CompletableFuture<WriteResult<V>> written;
    if (result == null) {
      if (seen == null) {
        return CompletableFuture.completedFuture(null); // nothing to remove
      }
      written = writeAsync(key, WriteCondition.valueEquals(seen.value()), removal());
    } else {
      WriteCondition<V> unchanged = seen == null ? absent() : WriteCondition.valueEquals(seen.value());
      written = writeAsync(key, unchanged, keeping(result));
    }
    return asyncExecutor().handOff(written).thenCompose(done -> done.applied()
        ? CompletableFuture.completedFuture(result)
        : computed(key, done.previous(), remapping, onlyPresent));
  }

  /** The entry under {@code key}, with dependants off any I/O thread. */
  private CompletableFuture<StoredEntry<V>> read(K key) {
    return asyncExecutor().handOff(topology().entryAsync(key));
  }

  /** One conditional write, sent under the key's write guard and counted when it changed something. */
  private CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return guarded(key, () -> topology().writeAsync(key, condition, update))
        .thenApply(result -> counted(update, result));
  }

  private static <V> CompletableFuture<Boolean> applied(CompletableFuture<WriteResult<V>> written) {
    return written.thenApply(WriteResult::applied);
  }

  /** Sends a write of {@code key} while holding its write guard, as a blocking write holds it. */
  private <T> CompletableFuture<T> guarded(K key, Supplier<CompletableFuture<T>> send) {
    WriteGuard guard = locks().beginWrite(key);
    try {
      return send.get();
    } finally {
      guard.end();
    }
  }

  /**
   * Starts a call on an open cache and returns the future the user gets: failed with what the call
   * threw on the way (a closed cache included), complete when the call was, else completed by the
   * cache's executor; a failure is always the exception itself.
   */
  private <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> future;
    try {
      checkOpen();
      future = call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return asyncExecutor().handOff(future);
  }
}
