package dev.vela.jcache;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * {@code invokeAll} for any cache: runs the entry processor on each key in turn and gathers, per
 * key, its non-null result or its failure (as an {@link EntryProcessorException}, thrown when the
 * caller reads that key's result), so one failing key does not stop the others.
 */
final class ProcessorResults {
  private ProcessorResults() {}

  /** {@code invokeAll} on {@code cache}, once its keys and processor are checked: {@code invoke} on each key. */
  static <K, V, T> Map<K, EntryProcessorResult<T>> invokeAll(
      Cache<K, V> cache, Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    JCacheValues.checkKeys(keys);
    Objects.requireNonNull(processor, "processor");
    return invokeEach(keys, key -> cache.invoke(key, processor, arguments));
  }

  private static <K, T> Map<K, EntryProcessorResult<T>> invokeEach(Set<? extends K> keys, Function<K, T> invoke) {
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke.apply(key);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (RuntimeException e) {
        EntryProcessorException failure =
            e instanceof EntryProcessorException given ? given : new EntryProcessorException(e);
        results.put(key, () -> {
          throw failure;
        });
      }
    }
    return results;
  }
}
