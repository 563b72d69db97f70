package com.acme;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.Expiry;
import dev.vela.ForwardingCache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.registry.DeclaredCache;
import java.time.Duration;
import javax.annotation.processing.Generated;

@Generated("dev.vela.processor.VelaProcessor")
public final class VelaDefaultsCache extends ForwardingCache<String, String> implements DefaultsCache {
  private static final CacheTypes<String, String> TYPES = new CacheTypes<>(
      TypeCodec.of("java.lang.String", Codecs.STRING),
      TypeCodec.of("java.lang.String", Codecs.STRING));

  private VelaDefaultsCache(Cache<String, String> delegate) {
    super(delegate);
  }

  /**
   * Creates a cache with the settings of {@code @VelaCache} on {@link DefaultsCache}.
   */
  public static DefaultsCache create() {
    return builder().create();
  }

  /**
   * Returns a builder preset with the settings of {@code @VelaCache} on {@link DefaultsCache}, whose setters
   * override any of them before {@code create()}.
   */
  public static CacheBuilder<String, String, DefaultsCache> builder() {
    return new CacheBuilder<String, String, DefaultsCache>(TYPES, "DefaultsCache", Backend.MEMORY, Topology.LOCAL, VelaDefaultsCache::new)
        .defaultTtl(Expiry.NEVER)
        .maxSize(-1L)
        .stampedeProtection(true)
        .stampedeTimeout(Duration.ofSeconds(5))
        .statsEnabled(true)
        .telemetryPrefix("vela", "cache")
        .sweepInterval(Duration.ofSeconds(30))
        .nearCache(false)
        .nearCacheL1Ttl(Duration.ofSeconds(60));
  }

  /**
   * The declaration of {@link DefaultsCache}, found by {@code DeclaredCaches} through {@code ServiceLoader}.
   */
  public static final class Declaration implements DeclaredCache<String, String, DefaultsCache> {
    /**
     * For {@code ServiceLoader}; a declaration starts nothing.
     */
    public Declaration() {
    }

    @Override
    public String name() {
      return "DefaultsCache";
    }

    @Override
    public Class<DefaultsCache> cacheType() {
      return DefaultsCache.class;
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
    public CacheBuilder<String, String, DefaultsCache> builder() {
      return VelaDefaultsCache.builder();
    }
  }
}
