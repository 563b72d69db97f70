package dev.vela.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Real Spring Boot applications: what Vela's auto-configuration gives them, and when it stays away. */
class BootApplicationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @EnableCaching
  static class ShopApplication {
    @Bean
    Library library() {
      return new Library();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @EnableCaching
  static class OwnManagerApplication {
    @Bean
    CacheManager cacheManager() {
      return new ConcurrentMapCacheManager("books");
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class NoCachingApplication {}

  @Test
  void anApplicationWithCachingGetsAVelaCacheManagerWithItsMeters() {
    try (ConfigurableApplicationContext app = run(ShopApplication.class)) {
      assertThat(app.getBean(CacheManager.class)).isInstanceOf(VelaCacheManager.class);
      Library library = app.getBean(Library.class);
      library.title("1");
      library.title("1");

      assertThat(library.calls("title")).isEqualTo(1);
      MeterRegistry registry = app.getBean(MeterRegistry.class);
      assertThat(registry.get("cache.gets").tag("cache", "books").tag("result", "hit").functionCounter().count())
          .isEqualTo(1.0);
      assertThat(registry.get("vela.cache.get").tag("cache", "books").timers()).isNotEmpty();
    }
  }

  @Test
  void anApplicationsOwnCacheManagerWins() {
    try (ConfigurableApplicationContext app = run(OwnManagerApplication.class)) {
      assertThat(app.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
      assertThat(app.getBeansOfType(VelaCacheManager.class)).isEmpty();
    }
  }

  @Test
  void nothingIsMadeWithoutCachingEnabled() {
    try (ConfigurableApplicationContext app = run(NoCachingApplication.class)) {
      assertThat(app.getBeansOfType(VelaCacheManager.class)).isEmpty();
    }
  }

  @Test
  void turnedOffItLeavesTheCacheManagerToOthers() {
    // Boot 3.5's own cache auto-configuration then makes its simple manager; Boot 4.0 keeps that in
    // spring-boot-cache, absent here, so the application has no manager and does not start
    try (ConfigurableApplicationContext app = run(ShopApplication.class, "vela.cache.enabled=false")) {
      assertThat(app.getBean(CacheManager.class)).isNotInstanceOf(VelaCacheManager.class);
    } catch (NoSuchBeanDefinitionException noManager) {
      assertThat(noManager.getBeanType()).isEqualTo(CacheManager.class);
    }
  }

  private static ConfigurableApplicationContext run(Class<?> application, String... properties) {
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off")
        .properties(properties)
        .run();
  }
}
