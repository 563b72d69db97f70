/**
 * Vela's runtime: the API that generated caches implement and users call, and the cache core,
 * near cache, topologies, backends and cluster node underneath it.
 *
 * <p>What users may touch is what this module exports to everyone:
 * <ul>
 *   <li>{@code dev.vela}: {@code Cache}, its options, results and exceptions, and the builder;
 *   <li>{@code dev.vela.codec}: codecs, for {@code @VelaCodec} classes written by hand;
 *   <li>{@code dev.vela.telemetry}: listeners of cache events;
 *   <li>{@code dev.vela.cluster}: a cluster node built in code, for the builder's {@code cluster};
 *   <li>{@code dev.vela.registry}: the caches declared in an application, for integrations (JCache,
 *       Spring) and for the declarations the processor generates.
 * </ul>
 * Everything else is internal and may change in any release. A few internal packages are exported
 * only to Vela's JCache provider, {@code dev.vela.jcache}.
 *
 * <p>The libraries of the DISK (MapDB), REDIS (Lettuce) and clustered (JGroups) caches and
 * Micrometer are optional: an application that uses one adds it, and on the module path requires it
 * or adds it with {@code --add-modules}. The same jar runs on the class path unchanged.
 */
@SuppressWarnings({
    "module", // the JCache module is built after this one
    "requires-automatic" // the optional libraries have no module descriptor; MapDB not even a module name
})
module dev.vela {
  requires transitive dev.vela.annotation;
  requires org.slf4j;

  requires static mapdb;
  requires static lettuce.core;
  requires static reactor.core; // Lettuce's event bus, which tells of a Redis Cluster's topology changes
  requires static org.jgroups;
  requires static micrometer.core;

  exports dev.vela;
  exports dev.vela.codec;
  exports dev.vela.telemetry;
  exports dev.vela.cluster;
  exports dev.vela.registry;

  // the JCache provider's entry hooks, conditional writes and the settings it reports
  exports dev.vela.entry to dev.vela.jcache;
  exports dev.vela.backend to dev.vela.jcache;
  exports dev.vela.config to dev.vela.jcache;

  // the declarations the processor generates, listed by DeclaredCaches
  uses dev.vela.registry.DeclaredCache;
}
