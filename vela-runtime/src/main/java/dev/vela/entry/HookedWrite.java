package dev.vela.entry;

/**
 * What a conditional write or removal of a {@link HookedStore} did.
 *
 * @param applied true when the condition held and the write (or removal) went ahead, writer included
 * @param previous the live value before the operation, or null when there was none
 * @param stored true when a value is now held under the key because of this write; false for a
 *     removal, and for a new entry whose expiry policy gave it no time to live
 * @param <V> the value type
 */
public record HookedWrite<V>(boolean applied, V previous, boolean stored) {}
