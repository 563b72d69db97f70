package dev.vela.backend.disk;

/**
 * One change to a store as the operation log records it. Replaying a sequence of them over the
 * store they started from gives the store they produced; replaying a suffix a second time changes
 * nothing, because each sets a key, or every key, to a given state.
 */
sealed interface LogOp permits LogOp.Put, LogOp.Delete, LogOp.Clear {

  /** The key now holds {@code record} ({@link EntryCodec} record bytes). */
  record Put(byte[] key, byte[] record) implements LogOp {}

  /** The key holds nothing. */
  record Delete(byte[] key) implements LogOp {}

  /** No key holds anything. */
  record Clear() implements LogOp {}
}
