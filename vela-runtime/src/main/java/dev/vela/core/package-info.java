/**
 * The cache core: the {@link dev.vela.Cache} implementation behind every generated class (argument
 * checks, stats, single flight, key locks for transactions and putAll), the shared expiry sweeper,
 * dump and load, and the wiring of a cache with plain constructor calls ({@link
 * dev.vela.core.CacheStarter}, which {@link dev.vela.CacheBuilder} calls). Internal: the module does
 * not export this package.
 */
package dev.vela.core;
