package dev.vela.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a cache. Put it on an interface that extends {@code dev.vela.Cache<K, V>} with concrete
 * type arguments; the Vela annotation processor then writes {@code Vela<InterfaceName>} beside it,
 * with a {@code create()} factory and a {@code builder()} whose setters override these settings at
 * run time.
 *
 * <p>Durations are strings: {@code "250ms"}, {@code "30s"}, {@code "5m"}, {@code "2h"}, {@code
 * "1d"}, ISO-8601 ({@code "PT5M"}), or {@code "infinity"} where no limit makes sense. Every value
 * is checked when the interface compiles.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VelaCache {
  /** The cache's name, unique among the caches of one compilation; empty means the interface's simple name. */
  String name() default "";

  /** Where entries live. */
  Backend backend() default Backend.MEMORY;

  /** Options of the backend, such as {@code dataDir} for DISK or {@code url} for REDIS. */
  Option[] backendOpts() default {};

  /** Which node holds which key. */
  Topology topology() default Topology.LOCAL;

  /** Options of the topology, such as {@code cluster} or {@code initialHosts}. */
  Option[] topologyOpts() default {};

  /** Time to live of an entry put without its own; {@code "infinity"} keeps entries until removed. */
  String defaultTtl() default "infinity";

  /**
   * The most entries the cache holds, or -1 for no limit. Evicts by {@link EvictionPolicy#ADAPTIVE}
   * unless {@link #evictionPolicy} says otherwise. Not with REDIS, which evicts by its own {@code
   * maxmemory-policy}.
   */
  long maxSize() default -1;

  /**
   * The most total weight the cache holds, as its {@link #weigher} counts it, or -1 for no limit;
   * not together with {@link #maxSize}.
   */
  long maxWeight() default -1;

  /**
   * The weigher of {@link #maxWeight}: a class implementing {@code dev.vela.Weigher} for the cache's
   * key and value types, with a public no-argument constructor; {@code void.class} for none.
   */
  Class<?> weigher() default void.class;

  /**
   * What leaves when {@code maxSize} or {@code maxWeight} is reached. Left out, a cache with a limit
   * evicts by {@link EvictionPolicy#ADAPTIVE} and one without never evicts; written as TTL_ONLY
   * beside a limit, it is an error.
   */
  EvictionPolicy evictionPolicy() default EvictionPolicy.TTL_ONLY;

  /** Whether concurrent {@code getOrFetch} calls for one missing key share a single fetch. */
  boolean stampedeProtection() default true;

  /** How long a caller waits for another caller's fetch of the same key before giving up. */
  String stampedeTimeout() default "5s";

  /** Whether hits, misses, writes and the other counters of {@code stats()} are kept. */
  boolean statsEnabled() default true;

  /** The parts of telemetry meter names, joined with dots: {@code vela.cache.get}. */
  String[] telemetryPrefix() default {"vela", "cache"};

  /** How often the background sweeper removes expired entries; {@code "infinity"} turns it off. */
  String sweepInterval() default "30s";

  /** Whether a local in-memory L1 sits in front of the backend and topology. */
  boolean nearCache() default false;

  /** Time to live of an entry in the near cache's L1. */
  String nearCacheL1Ttl() default "60s";
}
