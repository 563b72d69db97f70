package dev.vela.registry;

import dev.vela.VelaException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the caches declared with {@code @VelaCache} on a class path through {@link ServiceLoader},
 * reading the {@code META-INF/services/dev.vela.registry.DeclaredCache} lists the processor writes;
 * the class path is never scanned. Each call reads the lists again, so results are not cached and
 * nothing is started.
 *
 * <p>Names must be unique among the declarations a class loader sees. The processor checks this
 * within one compilation; two jars declaring one name are reported here, by a {@link VelaException}
 * naming both interfaces.
 */
public final class DeclaredCaches {
  private DeclaredCaches() {}

  /**
   * Every declared cache visible to the thread's context class loader (or, without one, to the
   * loader of this class), sorted by name.
   *
   * @throws VelaException when a listed declaration cannot be loaded or two share a name
   */
  public static List<DeclaredCache<?, ?, ?>> all() {
    return all(defaultLoader());
  }

  /**
   * Every declared cache visible to {@code loader}, sorted by name.
   *
   * @throws VelaException when a listed declaration cannot be loaded or two share a name
   */
  public static List<DeclaredCache<?, ?, ?>> all(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    List<DeclaredCache<?, ?, ?>> found = new ArrayList<>();
    @SuppressWarnings("rawtypes")
    Iterator<DeclaredCache> listed = ServiceLoader.load(DeclaredCache.class, loader).iterator();
    try {
      while (listed.hasNext()) {
        found.add(listed.next());
      }
    } catch (ServiceConfigurationError e) {
      throw new VelaException("A cache declaration listed in META-INF/services/" + DeclaredCache.class.getName()
          + " cannot be loaded: " + e.getMessage()
          + ". Rebuild the module that declares it, so that its list matches its classes.", e);
    }
    found.sort(Comparator.comparing(DeclaredCache::name));
    for (int i = 1; i < found.size(); i++) {
      DeclaredCache<?, ?, ?> before = found.get(i - 1);
      DeclaredCache<?, ?, ?> after = found.get(i);
      if (before.name().equals(after.name())) {
        throw new VelaException("Two declared caches are named \"" + after.name() + "\": "
            + before.cacheType().getName() + " and " + after.cacheType().getName()
            + ". Give one another name with @VelaCache(name = ...).");
      }
    }
    return List.copyOf(found);
  }

  /**
   * The declared cache named {@code name} visible to the thread's context class loader (or the
   * loader of this class), or empty when there is none.
   */
  public static Optional<DeclaredCache<?, ?, ?>> find(String name) {
    return find(name, defaultLoader());
  }

  /** The declared cache named {@code name} visible to {@code loader}, or empty when there is none. */
  public static Optional<DeclaredCache<?, ?, ?>> find(String name, ClassLoader loader) {
    Objects.requireNonNull(name, "name");
    return all(loader).stream().filter(declared -> declared.name().equals(name)).findFirst();
  }

  private static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : DeclaredCaches.class.getClassLoader();
  }
}
