/**
 * Spring's cache abstraction over Vela: {@link dev.vela.spring.VelaCacheManager} serves every cache
 * declared with {@code @VelaCache} to {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict}.
 * Works with Spring Framework 6.2 and 7.0; Spring is the application's own dependency.
 */
package dev.vela.spring;
