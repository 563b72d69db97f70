package dev.vela.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLogger;

/**
 * Micrometer is optional: a cache built and used without a meter registry runs in a class loader
 * that has the runtime, the annotations, SLF4J (with its simple provider) and these tests, but no Micrometer.
 */
class WithoutMicrometerTest {

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void aCacheWithAListenerRunsWhereMicrometerCannotBeLoaded() throws Exception {
    List<URL> classPath = Stream.of(CacheBuilder.class, Backend.class, LoggerFactory.class, SimpleLogger.class, MemoryOnlyUser.class)
        .map(WithoutMicrometerTest::locationOf)
        .distinct()
        .toList();
    assertThat(classPath).doesNotContain(locationOf(MeterRegistry.class));

    try (URLClassLoader withoutMicrometer =
        new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> withoutMicrometer.loadClass(MeterRegistry.class.getName()))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> user = withoutMicrometer.loadClass(MemoryOnlyUser.class.getName());
      assertThat(user.getClassLoader()).isSameAs(withoutMicrometer);

      @SuppressWarnings("unchecked")
      Supplier<String> run = (Supplier<String>) user.getDeclaredConstructor().newInstance();

      assertThat(run.get()).isEqualTo("12 [put:ok, get:hit, get:miss, fetch:ok, invalidate_tag:ok]");
    }
  }
}
