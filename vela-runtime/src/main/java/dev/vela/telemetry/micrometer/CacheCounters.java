package dev.vela.telemetry.micrometer;

import dev.vela.CacheStats;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the standard cache meters read a cache's counts.
 *
 * @param stats the cache's counters
 * @param size how many entries the cache holds
 */
record CacheCounters(Supplier<CacheStats> stats, LongSupplier size) {}
