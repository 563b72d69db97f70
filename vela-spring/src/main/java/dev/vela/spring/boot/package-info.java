/**
 * Spring Boot auto-configuration (Boot 3.5 and 4.0): with {@code vela-spring} on the class path,
 * caching enabled and no other {@code CacheManager}, the application gets a {@link
 * dev.vela.spring.VelaCacheManager} over every declared cache, with Micrometer meters on the
 * application's {@code MeterRegistry} when there is one.
 */
package dev.vela.spring.boot;
