package dev.vela.entry;

/**
 * What a read of a {@link HookedStore} found.
 *
 * @param value the value, held or loaded; null when there is none
 * @param hit true when the store held a live value (a loaded value is a miss)
 * @param <V> the value type
 */
public record HookedRead<V>(V value, boolean hit) {}
