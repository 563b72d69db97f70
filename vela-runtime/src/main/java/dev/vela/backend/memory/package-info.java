/**
 * The MEMORY backend: entries as objects in a {@link java.util.concurrent.ConcurrentHashMap}, no
 * copies. An unbounded cache reads without locks or allocation and stores a bare value when an
 * entry has neither expiry nor tags; a bounded cache records reads in a striped buffer that drops
 * none and replays them into its {@link dev.vela.backend.eviction.EvictionOrder} (ADAPTIVE, LRU or
 * LFU) under a lock that writes take too.
 */
package dev.vela.backend.memory;
