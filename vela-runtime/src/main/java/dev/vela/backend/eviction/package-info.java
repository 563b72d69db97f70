/**
 * Eviction orders shared by the backends that bound what they hold: which entry leaves first
 * when a cache is over its size or weight limit. The public surface is {@link
 * dev.vela.backend.eviction.EvictionOrder}, the {@link dev.vela.backend.eviction.Linked} fields it
 * keeps in a caller's own entry nodes (the memory backend's), and {@link
 * dev.vela.backend.eviction.OrderNode} for a caller without nodes (the DISK backend's key bound);
 * the policies behind it (exact LRU, LFU with ageing, and the adaptive window over a frequency
 * sketch) are package-private.
 */
package dev.vela.backend.eviction;
