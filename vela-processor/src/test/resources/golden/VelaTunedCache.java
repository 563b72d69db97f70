package com.acme;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.ForwardingCache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.registry.DeclaredCache;
import java.time.Duration;
import java.util.UUID;
import javax.annotation.processing.Generated;

@Generated("dev.vela.processor.VelaProcessor")
public final class VelaTunedCache extends ForwardingCache<UUID, User> implements TunedCache {
  private static final CacheTypes<UUID, User> TYPES = new CacheTypes<>(
      TypeCodec.of("java.util.UUID", Codecs.UUID),
      TypeCodec.of("com.acme.User", new VelaCodec_User()));

  private VelaTunedCache(Cache<UUID, User> delegate) {
    super(delegate);
  }

  /**
   * Creates a cache with the settings of {@code @VelaCache} on {@link TunedCache}.
   */
  public static TunedCache create() {
    return builder().create();
  }

  /**
   * Returns a builder preset with the settings of {@code @VelaCache} on {@link TunedCache}, whose setters
   * override any of them before {@code create()}.
   */
  public static CacheBuilder<UUID, User, TunedCache> builder() {
    return new CacheBuilder<UUID, User, TunedCache>(TYPES, "tuned-users", Backend.MEMORY, Topology.LOCAL, VelaTunedCache::new)
        .defaultTtl(Duration.ofMinutes(90))
        .maxSize(10000L)
        .evictionPolicy(EvictionPolicy.LRU)
        .stampedeProtection(false)
        .stampedeTimeout(Duration.ofMillis(250))
        .statsEnabled(false)
        .telemetryPrefix("shop", "users")
        .sweepInterval(Duration.ofDays(1))
        .nearCache(false)
        .nearCacheL1Ttl(Duration.ofHours(2));
  }

  /**
   * The declaration of {@link TunedCache}, found by {@code DeclaredCaches} through {@code ServiceLoader}.
   */
  public static final class Declaration implements DeclaredCache<UUID, User, TunedCache> {
    /**
     * For {@code ServiceLoader}; a declaration starts nothing.
     */
    public Declaration() {
    }

    @Override
    public String name() {
      return "tuned-users";
    }

    @Override
    public Class<TunedCache> cacheType() {
      return TunedCache.class;
    }

    @Override
    public Class<?> keyClass() {
      return UUID.class;
    }

    @Override
    public Class<?> valueClass() {
      return User.class;
    }

    @Override
    public CacheBuilder<UUID, User, TunedCache> builder() {
      return VelaTunedCache.builder();
    }
  }
}
