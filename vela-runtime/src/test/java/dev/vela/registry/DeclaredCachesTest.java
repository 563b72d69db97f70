package dev.vela.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.VelaException;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeclaredCaches} over service lists written here by hand, in a class loader of their own;
 * the lists the processor writes are tested with the processor.
 */
class DeclaredCachesTest {
  private static final String LIST = "META-INF/services/" + DeclaredCache.class.getName();

  @TempDir Path classPath;

  @Test
  void findsListedDeclarationsSortedByName() throws IOException {
    try (URLClassLoader loader = listing(Plums.class, Apples.class)) {
      assertThat(DeclaredCaches.all(loader)).extracting(DeclaredCache::name).containsExactly("apples", "plums");
      DeclaredCache<?, ?, ?> apples = DeclaredCaches.find("apples", loader).orElseThrow();
      try (Cache<?, ?> cache = apples.create()) {
        assertThat(cache.name()).isEqualTo("apples");
      }
      assertThat(DeclaredCaches.find("pears", loader)).isEmpty();
    }
  }

  @Test
  void twoDeclarationsOfOneNameAreRefusedNamingBoth() throws IOException {
    try (URLClassLoader loader = listing(Apples.class, OtherApples.class)) {
      assertThatThrownBy(() -> DeclaredCaches.find("apples", loader))
          .isInstanceOf(VelaException.class)
          .hasMessage("Two declared caches are named \"apples\": dev.vela.Cache and dev.vela.Cache."
              + " Give one another name with @VelaCache(name = ...).");
    }
  }

  @Test
  void aListedClassThatIsGoneSaysToRebuild() throws IOException {
    Files.createDirectories(classPath.resolve(LIST).getParent());
    Files.writeString(classPath.resolve(LIST), "com.acme.VelaGoneCache$Declaration\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> DeclaredCaches.all(loader))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("com.acme.VelaGoneCache$Declaration")
          .hasMessageContaining("Rebuild the module that declares it");
    }
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> DeclaredCaches.find(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> DeclaredCaches.all(null)).isInstanceOf(NullPointerException.class).hasMessage("loader");
  }

  private URLClassLoader listing(Class<?>... declarations) throws IOException {
    StringBuilder list = new StringBuilder("# written by the test\n");
    for (Class<?> declaration : declarations) {
      list.append(declaration.getName()).append('\n');
    }
    Files.createDirectories(classPath.resolve(LIST).getParent());
    Files.writeString(classPath.resolve(LIST), list);
    return new URLClassLoader(new URL[] {classPath.toUri().toURL()}, getClass().getClassLoader());
  }

  /** A declaration of a memory cache of strings, as generated code would write one. */
  abstract static class StringsDeclaration implements DeclaredCache<String, String, Cache<String, String>> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Cache<String, String>> cacheType() {
      return (Class) Cache.class;
    }

    @Override
    public Class<?> keyClass() {
      return String.class;
    }

    @Override
    public Class<?> valueClass() {
      return String.class;
    }

    @Override
    public CacheBuilder<String, String, Cache<String, String>> builder() {
      return TestCaches.strings(name(), new ManualClock());
    }
  }

  /** Listed as "apples". */
  public static final class Apples extends StringsDeclaration {
    @Override
    public String name() {
      return "apples";
    }
  }

  /** Also listed as "apples". */
  public static final class OtherApples extends StringsDeclaration {
    @Override
    public String name() {
      return "apples";
    }
  }

  /** Listed as "plums". */
  public static final class Plums extends StringsDeclaration {
    @Override
    public String name() {
      return "plums";
    }
  }
}
