/**
 * Eviction orders shared by the backends that bound what they hold: which entry leaves first
 * when a cache is over its size or weight limit. {@link dev.vela.backend.eviction.EvictionOrder}
 * is the whole public surface; the policies behind it (exact LRU, LFU with ageing, and the adaptive
 * window over a frequency sketch) are package-private.
 */
package dev.vela.backend.eviction;
