package dev.vela.spring.boot;

import dev.vela.spring.CacheBuilderCustomizer;
import dev.vela.spring.VelaCacheManager;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives an application with caching enabled ({@code @EnableCaching}) a {@link VelaCacheManager}
 * over every cache declared on the class path, unless it defines a {@link CacheManager} of its own
 * or sets {@code vela.cache.enabled=false}. Every {@link CacheBuilderCustomizer} bean changes the
 * caches before they start, and when Micrometer and a {@code MeterRegistry} bean are present each
 * cache reports its meters there.
 *
 * <p>It runs before Boot's own cache auto-configuration (named, not referenced, because that class
 * moved between Boot 3.5 and 4.0), which then finds a cache manager and backs off.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration",
    "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration"})
@ConditionalOnClass({CacheManager.class, VelaCacheManager.class})
@ConditionalOnBean(CacheAspectSupport.class)
@ConditionalOnMissingBean(CacheManager.class)
@ConditionalOnProperty(prefix = "vela.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
public class VelaCacheAutoConfiguration {

  /** For Spring. */
  public VelaCacheAutoConfiguration() {}

  /** The manager over every declared cache; Spring closes it, and the caches it started, on shutdown. */
  @Bean
  public VelaCacheManager cacheManager(ObjectProvider<CacheBuilderCustomizer> customizers) {
    List<CacheBuilderCustomizer> ordered = customizers.orderedStream().toList();
    return new VelaCacheManager((declared, builder) -> ordered.forEach(c -> c.customize(declared, builder)));
  }

  /** Binds each cache's meters to the application's registry, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Meters {
    @Bean
    CacheBuilderCustomizer velaMeterRegistryCustomizer(
        ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
      // read when a cache starts, after the registry's own auto-configuration has made it
      return (declared, builder) -> registry.ifAvailable(builder::meterRegistry);
    }
  }
}
