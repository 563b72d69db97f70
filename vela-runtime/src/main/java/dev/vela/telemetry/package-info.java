/**
 * What a cache reports about its operations: {@link dev.vela.telemetry.CacheEvent}s for every
 * {@link dev.vela.telemetry.CacheListener} given to the builder, and, through
 * {@link dev.vela.telemetry.micrometer}, Micrometer meters. A cache with neither does no telemetry
 * work at all: no clock reads, no events.
 */
package dev.vela.telemetry;
