package dev.vela.spring;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.VelaException;
import dev.vela.registry.DeclaredCache;
import dev.vela.registry.DeclaredCaches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.springframework.cache.CacheManager;

/**
 * Spring's {@link CacheManager} over Vela caches, so that {@code @Cacheable("products")} uses the
 * cache declared as {@code @VelaCache(name = "products")}.
 *
 * <p>Two ways to make one:
 *
 * <ul>
 *   <li>{@link #VelaCacheManager()} (or with a {@link CacheBuilderCustomizer}) serves every cache
 *       declared on the class path, as {@link DeclaredCaches#all()} lists them. A cache starts when
 *       Spring first asks for it, so declared caches the application never uses never connect to
 *       anything; the manager closes the caches it started in {@link #close()} (Spring calls it
 *       when the context closes).
 *   <li>{@link #VelaCacheManager(Collection)} serves caches the application started itself and
 *       closes; the manager never closes them.
 * </ul>
 *
 * <p><b>Nulls.</b> A Vela cache holds no null, and there is no marker for one (a cache's value type is
 * the user's): in Spring's terms null values are not allowed. {@code put} of a null (the result of a
 * {@code @Cacheable} or {@code @CachePut} method that returned null) throws {@link
 * IllegalArgumentException} saying so; write {@code unless = "#result == null"} to leave nulls out.
 *
 * <p><b>Keys and values</b> must be of the cache's declared key and value classes: a method with
 * several parameters (or none) gets a {@code SimpleKey} from Spring's default key generator, which a
 * typed cache refuses with a message naming the key expression to write.
 */
public final class VelaCacheManager implements CacheManager, AutoCloseable {
  private final Map<String, DeclaredCache<?, ?, ?>> declared; // started on first use
  private final CacheBuilderCustomizer customizer;
  private final Map<String, VelaSpringCache> served = new ConcurrentHashMap<>();
  private final List<Cache<?, ?>> started = Collections.synchronizedList(new ArrayList<>());
  private volatile Executor executor = ForkJoinPool.commonPool();
  private volatile boolean closed;

  /**
   * Serves every cache declared on the class path, each with its annotation's settings.
   *
   * @throws VelaException when a declaration cannot be loaded or two share a name
   */
  public VelaCacheManager() {
    this((declaredCache, builder) -> { });
  }

  /**
   * Serves every cache declared on the class path, each started from its annotation's settings as
   * {@code customizer} changes them.
   *
   * @throws VelaException when a declaration cannot be loaded or two share a name
   */
  public VelaCacheManager(CacheBuilderCustomizer customizer) {
    this(DeclaredCaches.all(), customizer);
  }

  /** Serves the given declared caches, each started as {@code customizer} changes it. */
  public VelaCacheManager(Collection<? extends DeclaredCache<?, ?, ?>> declarations, CacheBuilderCustomizer customizer) {
    Objects.requireNonNull(declarations, "declarations");
    this.customizer = Objects.requireNonNull(customizer, "customizer");
    Map<String, DeclaredCache<?, ?, ?>> byName = new LinkedHashMap<>();
    for (DeclaredCache<?, ?, ?> declaration : declarations) {
      Objects.requireNonNull(declaration, "declarations must not hold null");
      DeclaredCache<?, ?, ?> before = byName.putIfAbsent(declaration.name(), declaration);
      if (before != null) {
        throw duplicate(declaration.name());
      }
    }
    this.declared = Map.copyOf(byName);
  }

  /**
   * Serves caches the application started and will close. Each cache's key and value classes are
   * taken from its declaration when it has one on the class path; otherwise any key and value
   * reach it.
   */
  public VelaCacheManager(Collection<? extends Cache<?, ?>> caches) {
    Objects.requireNonNull(caches, "caches");
    this.declared = Map.of();
    this.customizer = (declaredCache, builder) -> { };
    List<DeclaredCache<?, ?, ?>> known = DeclaredCaches.all();
    for (Cache<?, ?> cache : caches) {
      Objects.requireNonNull(cache, "caches must not hold null");
      DeclaredCache<?, ?, ?> declaration = known.stream()
          .filter(candidate -> candidate.cacheType().isInstance(cache))
          .findFirst()
          .orElse(null);
      VelaSpringCache adapter = declaration == null
          ? new VelaSpringCache(cache, Object.class, Object.class, this::execute)
          : new VelaSpringCache(cache, declaration.keyClass(), declaration.valueClass(), this::execute);
      if (served.putIfAbsent(cache.name(), adapter) != null) {
        throw duplicate(cache.name());
      }
    }
  }

  /** As {@link #VelaCacheManager(Collection)}. */
  public VelaCacheManager(Cache<?, ?>... caches) {
    this(Arrays.asList(Objects.requireNonNull(caches, "caches")));
  }

  /**
   * Where {@code retrieve(key, loader)} runs its fetch (Spring's asynchronous cache call), since
   * Vela's {@code getOrFetch} is synchronous; the common fork-join pool unless set. {@code
   * retrieve(key)} needs none: it is the cache's own {@code getAsync}.
   */
  public void setAsyncExecutor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * The cache named {@code name}, started now if this is the first request for a declared one; null
   * when no cache has that name, as Spring's contract says.
   *
   * @throws VelaException when the manager is closed, or the cache cannot start
   */
  @Override
  public org.springframework.cache.Cache getCache(String name) {
    Objects.requireNonNull(name, "name");
    if (closed) {
      throw new VelaException("This VelaCacheManager is closed, so cache '" + name
          + "' cannot be served; the application context that owned it has shut down");
    }
    VelaSpringCache cache = served.get(name);
    if (cache != null) {
      return cache;
    }
    DeclaredCache<?, ?, ?> declaration = declared.get(name);
    return declaration == null ? null : served.computeIfAbsent(name, n -> start(declaration));
  }

  @Override
  public Collection<String> getCacheNames() {
    List<String> names = new ArrayList<>(declared.keySet());
    served.keySet().stream().filter(name -> !declared.containsKey(name)).forEach(names::add);
    Collections.sort(names);
    return Collections.unmodifiableList(names);
  }

  /** Closes the caches this manager started; caches passed in are left to their owner. */
  @Override
  public void close() {
    closed = true;
    List<Cache<?, ?>> toClose;
    synchronized (started) {
      toClose = new ArrayList<>(started);
      started.clear();
    }
    RuntimeException failure = null;
    for (Cache<?, ?> cache : toClose) {
      try {
        cache.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private VelaSpringCache start(DeclaredCache<?, ?, ?> declaration) {
    CacheBuilder<?, ?, ?> builder = declaration.builder();
    customizer.customize(declaration, builder);
    Cache<?, ?> cache = builder.create();
    started.add(cache);
    if (closed) {
      // close() ran while this cache started; it must not outlive the manager
      started.remove(cache);
      cache.close();
      throw new VelaException("This VelaCacheManager closed while cache '" + declaration.name() + "' started");
    }
    return new VelaSpringCache(cache, declaration.keyClass(), declaration.valueClass(), this::execute);
  }

  private void execute(Runnable task) {
    executor.execute(task);
  }

  private static VelaException duplicate(String name) {
    return new VelaException("Two caches are named \"" + name + "\"; a VelaCacheManager serves one cache per name."
        + " Give one another name with @VelaCache(name = ...).");
  }
}
