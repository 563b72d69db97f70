package dev.vela.spring;

import dev.vela.FetchException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * One Vela cache seen as Spring's {@link Cache}. Keys and values are checked against the cache's
 * declared classes where they enter, with a message that says which key expression to write; nulls
 * are refused (see {@link NullValues}). Each Spring call is one Vela call:
 *
 * <ul>
 *   <li>{@code get(key, Callable)} (and so {@code @Cacheable(sync = true)}) is {@code getOrFetch}:
 *       one call of the loader per key, however many callers wait, on every node of a distributed
 *       cache whose topology coordinates fetches;
 *   <li>{@code putIfAbsent} is Vela's atomic {@code putIfAbsent};
 *   <li>{@code evictIfPresent} is {@code delete}, {@code clear} and {@code invalidate} are {@code flush};
 *   <li>{@code retrieve(key)} is {@code getAsync}: complete at once when the cache answers from this
 *       node's memory or files, else completed on the cache's own executor when Redis or the key's
 *       owner answers; {@code retrieve(key, loader)} runs the {@code getOrFetch} on the manager's
 *       executor, since Vela's fetches are synchronous.
 * </ul>
 */
final class VelaSpringCache implements Cache {
  private final dev.vela.Cache<Object, Object> cache;
  private final Class<?> keyClass;
  private final Class<?> valueClass;
  private final Executor executor;

  @SuppressWarnings("unchecked")
  VelaSpringCache(dev.vela.Cache<?, ?> cache, Class<?> keyClass, Class<?> valueClass, Executor executor) {
    this.cache = (dev.vela.Cache<Object, Object>) Objects.requireNonNull(cache, "cache");
    this.keyClass = Objects.requireNonNull(keyClass, "keyClass");
    this.valueClass = Objects.requireNonNull(valueClass, "valueClass");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public String getName() {
    return cache.name();
  }

  /** The Vela cache itself: the generated {@code Vela<Name>} class, an instance of the declared interface. */
  @Override
  public Object getNativeCache() {
    return cache;
  }

  @Override
  public ValueWrapper get(Object key) {
    Object value = cache.getOrDefault(key(key), null);
    return value == null ? null : new SimpleValueWrapper(value);
  }

  @Override
  public <T> T get(Object key, Class<T> type) {
    Object value = cache.getOrDefault(key(key), null);
    if (value != null && type != null && !type.isInstance(value)) {
      throw new IllegalStateException("Cached value is not of required type [" + type.getName() + "]: " + value);
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return typed;
  }

  @Override
  public <T> T get(Object key, Callable<T> valueLoader) {
    Object checked = key(key);
    try {
      @SuppressWarnings("unchecked")
      T value = (T) cache.getOrFetch(checked, k -> load(k, valueLoader));
      return value;
    } catch (FetchException e) {
      throw unwrapped(key, valueLoader, e);
    }
  }

  @Override
  public CompletableFuture<?> retrieve(Object key) {
    Object checked = key(key);
    return cache.getAsync(checked).thenApply(value -> value.orElse(null));
  }

  @Override
  public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
    Object checked = key(key);
    Callable<T> joined = () -> {
      try {
        return valueLoader.get().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
    return CompletableFuture.supplyAsync(() -> {
      try {
        @SuppressWarnings("unchecked")
        T value = (T) cache.getOrFetch(checked, k -> load(k, joined));
        return value;
      } catch (FetchException e) {
        RuntimeException unwrapped = unwrapped(key, joined, e);
        // the caller's future fails with the loader's own exception, as Spring's caches do
        throw unwrapped instanceof ValueRetrievalException && unwrapped.getCause() != null
            ? new CompletionException(unwrapped.getCause())
            : unwrapped;
      }
    }, executor);
  }

  @Override
  public void put(Object key, Object value) {
    cache.put(key(key), value(key, value));
  }

  /** Vela's atomic {@code putIfAbsent}; when it finds an entry, that entry's value is read and returned. */
  @Override
  public ValueWrapper putIfAbsent(Object key, Object value) {
    Object checkedKey = key(key);
    Object checkedValue = value(key, value);
    while (true) {
      if (cache.putIfAbsent(checkedKey, checkedValue)) {
        return null;
      }
      Optional<Object> present = cache.get(checkedKey);
      if (present.isPresent()) {
        return new SimpleValueWrapper(present.get());
      }
      // the entry went away between the two calls: try to store again
    }
  }

  @Override
  public void evict(Object key) {
    cache.delete(key(key));
  }

  @Override
  public boolean evictIfPresent(Object key) {
    return cache.delete(key(key));
  }

  @Override
  public void clear() {
    cache.flush();
  }

  /** Flushes at once; true when the cache held entries just before. */
  @Override
  public boolean invalidate() {
    boolean hadEntries = cache.size() > 0;
    cache.flush();
    return hadEntries;
  }

  @Override
  public String toString() {
    return "VelaSpringCache[" + cache.name() + "]";
  }

  private Object key(Object key) {
    if (key == null) {
      throw new IllegalArgumentException("Cache '" + cache.name() + "' got a null key; give the annotation a key"
          + " expression that is never null");
    }
    if (!keyClass.isInstance(key)) {
      throw new IllegalArgumentException("Cache '" + cache.name() + "' has keys of type " + keyClass.getName()
          + ", but was given the key " + key + " of type " + key.getClass().getName()
          + "; give the annotation a key expression that yields a " + keyClass.getSimpleName()
          + ", such as key = \"#id\" (a method with several parameters, or none, gets a SimpleKey by default)");
    }
    return key;
  }

  private Object value(Object key, Object value) {
    if (value == null) {
      throw NullValues.refused(cache.name(), key);
    }
    if (!valueClass.isInstance(value)) {
      throw new IllegalArgumentException("Cache '" + cache.name() + "' has values of type " + valueClass.getName()
          + ", but was given a " + value.getClass().getName() + " for key " + key
          + "; cache this method's results in a cache declared with that value type");
    }
    return value;
  }

  private Object load(Object key, Callable<?> loader) {
    Object loaded;
    try {
      loaded = loader.call();
    } catch (Exception e) {
      throw new LoaderFailure(e);
    }
    if (loaded == null) {
      throw NullValues.refused(cache.name(), key);
    }
    return value(key, loaded);
  }

  /** What a failed {@code getOrFetch} becomes: Spring's exception for a failed loader, else the refusal. */
  private static RuntimeException unwrapped(Object key, Callable<?> loader, FetchException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof LoaderFailure loaderFailure) {
        return new ValueRetrievalException(key, loader, loaderFailure.getCause());
      }
      if (cause instanceof IllegalArgumentException refusal) {
        return refusal;
      }
    }
    return failure;
  }

  /** Carries the loader's own exception through Vela's fetch to {@link #unwrapped}. */
  private static final class LoaderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoaderFailure(Exception cause) {
      super(cause);
    }
  }
}
