package dev.vela.spring;

import dev.vela.CacheBuilder;
import dev.vela.registry.DeclaredCache;

/**
 * Changes the settings of a declared cache before {@link VelaCacheManager} starts it, for what the
 * application owns rather than the annotation: a meter registry, a cluster node, a clock, an
 * option read from the environment.
 *
 * <pre>{@code
 * new VelaCacheManager((declared, builder) -> builder.meterRegistry(registry));
 * }</pre>
 */
@FunctionalInterface
public interface CacheBuilderCustomizer {

  /** Changes {@code builder}, preset with the annotation's settings of {@code declared}. */
  void customize(DeclaredCache<?, ?, ?> declared, CacheBuilder<?, ?, ?> builder);
}
