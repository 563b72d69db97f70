/**
 * Micrometer meters for caches given a {@code MeterRegistry}: a timer per operation and result
 * named from {@code telemetryPrefix}, and Micrometer's standard cache meters ({@code cache.gets},
 * {@code cache.puts}, {@code cache.evictions}, {@code cache.size}). Micrometer is an optional
 * dependency: nothing in this package loads unless a registry is given.
 */
package dev.vela.telemetry.micrometer;
