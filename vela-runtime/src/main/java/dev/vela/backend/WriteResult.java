package dev.vela.backend;

/**
 * What a conditional {@link EntryStore#write} did.
 *
 * @param applied true when the condition held and the update was made
 * @param previous the live entry before the write, or null when there was none
 * @param <V> the value type
 */
public record WriteResult<V>(boolean applied, StoredEntry<V> previous) {}
