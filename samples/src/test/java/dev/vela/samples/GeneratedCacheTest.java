package dev.vela.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.CacheClosedException;
import dev.vela.PutOptions;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated caches in use: settings from the annotation, builder overrides, and the whole path to the runtime. */
class GeneratedCacheTest {
  private final MovableClock clock = new MovableClock();

  @Test
  void createAppliesTheAnnotationSettings() {
    try (ProductCache products = ProductCache.create()) {
      assertThat(products.name()).isEqualTo("ProductCache");
      assertThat(products.inspect().details())
          .containsEntry("maxSize", "10000")
          .containsEntry("evictionPolicy", "LRU");
      products.put("B-1", book("B-1"));
      // the real clock runs on between put and ttl
      assertThat(products.ttl("B-1")).hasValueSatisfying(
          ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
    }
  }

  @Test
  void theAnnotationNameOverridesTheInterfaceName() {
    try (SessionCache sessions = SessionCache.create()) {
      assertThat(sessions.name()).isEqualTo("sessions");
    }
  }

  @Test
  void builderSettersOverrideTheAnnotation() {
    try (ProductCache products =
        VelaProductCache.builder().name("products-eu").defaultTtl(Duration.ofSeconds(20)).clock(clock).create()) {
      products.put("B-1", book("B-1"));
      assertThat(products.name()).isEqualTo("products-eu");
      assertThat(products.ttl("B-1")).hasValue(Duration.ofSeconds(20));
      clock.advance(Duration.ofSeconds(21));
      assertThat(products.get("B-1")).isEmpty();
    }
  }

  @Test
  void theGeneratedClassIsFinalAndImplementsTheInterface() {
    assertThat(Modifier.isFinal(VelaProductCache.class.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(VelaProductCache.class.getModifiers())).isTrue();
    try (ProductCache products = ProductCache.create()) {
      assertThat(products).isInstanceOf(VelaProductCache.class);
    }
  }

  @Test
  void readsWritesAndTagsGoThroughTheGeneratedClass() {
    try (ProductCache products = VelaProductCache.builder().clock(clock).create()) {
      products.put("B-1", book("B-1"), PutOptions.tags("sale"));
      products.put("B-2", book("B-2"), PutOptions.tags("sale"));
      products.put("B-3", book("B-3"));
      assertThat(products.getOrThrow("B-1").sku()).isEqualTo("B-1");
      assertThat(products.invalidateTag("sale")).isEqualTo(2);
      assertThat(products.size()).isEqualTo(1);
      assertThatThrownBy(() -> products.getOrThrow("B-1"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("B-1");
      assertThat(products.stats().hits()).isEqualTo(1);
    }
  }

  @Test
  void dumpAndLoadCarryRecordValuesBetweenCaches(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sessions.dump");
    UUID id = UUID.randomUUID();
    Session ada = new Session("ada", Instant.parse("2026-01-02T03:04:05Z"));
    try (SessionCache first = SessionCache.create(); SessionCache second = SessionCache.create()) {
      first.put(id, ada, PutOptions.tags("admins"));
      assertThat(first.dump(file)).isEqualTo(1);
      assertThat(Files.size(file)).isPositive();
      assertThat(second.load(file)).isEqualTo(1);
      assertThat(second.get(id)).hasValue(ada);
      assertThat(second.export()).singleElement().satisfies(e -> assertThat(e.tags()).containsExactly("admins"));
    }
  }

  @Test
  void aClosedGeneratedCacheRefusesCalls() {
    ProductCache products = ProductCache.create();
    products.close();
    assertThatThrownBy(() -> products.get("B-1")).isInstanceOf(CacheClosedException.class);
  }

  private static Product book(String sku) {
    return new Product(sku, "Book " + sku, new BigDecimal("10.00"), Category.BOOKS, List.of("paper"));
  }
}
