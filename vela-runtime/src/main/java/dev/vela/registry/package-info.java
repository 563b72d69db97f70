/**
 * Caches declared with {@code @VelaCache}, found at run time without scanning the class path: the
 * processor writes a {@link dev.vela.registry.DeclaredCache} for each generated cache and lists them
 * in {@code META-INF/services/dev.vela.registry.DeclaredCache}; {@link
 * dev.vela.registry.DeclaredCaches} reads those lists. Integrations (JCache, Spring) start here.
 */
package dev.vela.registry;
