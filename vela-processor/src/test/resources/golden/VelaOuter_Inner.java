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
import java.util.List;
import javax.annotation.processing.Generated;

@Generated("dev.vela.processor.VelaProcessor")
public final class VelaOuter_Inner extends ForwardingCache<Long, List<String>> implements Outer.Inner {
  private static final CacheTypes<Long, List<String>> TYPES = new CacheTypes<>(
      TypeCodec.of("java.lang.Long", Codecs.LONG),
      TypeCodec.of("java.util.List<java.lang.String>", Codecs.list(Codecs.nullable(Codecs.STRING))));

  private VelaOuter_Inner(Cache<Long, List<String>> delegate) {
    super(delegate);
  }

  /**
   * Creates a cache with the settings of {@code @VelaCache} on {@link Outer.Inner}.
   */
  public static Outer.Inner create() {
    return builder().create();
  }

  /**
   * Returns a builder preset with the settings of {@code @VelaCache} on {@link Outer.Inner}, whose setters
   * override any of them before {@code create()}.
   */
  public static CacheBuilder<Long, List<String>, Outer.Inner> builder() {
    return new CacheBuilder<Long, List<String>, Outer.Inner>(TYPES, "Inner", Backend.MEMORY, Topology.LOCAL, VelaOuter_Inner::new)
        .defaultTtl(Duration.ofMinutes(10))
        .maxSize(-1L)
        .stampedeProtection(true)
        .stampedeTimeout(Duration.ofSeconds(5))
        .statsEnabled(true)
        .telemetryPrefix("vela", "cache")
        .sweepInterval(Expiry.NEVER)
        .nearCache(false)
        .nearCacheL1Ttl(Duration.ofSeconds(60));
  }

  /**
   * The declaration of {@link Outer.Inner}, found by {@code DeclaredCaches} through {@code ServiceLoader}.
   */
  public static final class Declaration implements DeclaredCache<Long, List<String>, Outer.Inner> {
    /**
     * For {@code ServiceLoader}; a declaration starts nothing.
     */
    public Declaration() {
    }

    @Override
    public String name() {
      return "Inner";
    }

    @Override
    public Class<Outer.Inner> cacheType() {
      return Outer.Inner.class;
    }

    @Override
    public Class<?> keyClass() {
      return Long.class;
    }

    @Override
    public Class<?> valueClass() {
      return List.class;
    }

    @Override
    public CacheBuilder<Long, List<String>, Outer.Inner> builder() {
      return VelaOuter_Inner.builder();
    }
  }
}
