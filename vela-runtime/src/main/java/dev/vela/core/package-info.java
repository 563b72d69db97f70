/**
 * The cache core: the {@link dev.vela.Cache} implementation behind every generated class (argument
 * checks, stats, single flight, key locks for transactions and putAll), the shared expiry sweeper,
 * dump and load, and the {@link dev.vela.CacheBuilder} that wires them with plain constructor
 * calls.
 */
package dev.vela.core;
