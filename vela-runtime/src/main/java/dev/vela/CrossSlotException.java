package dev.vela;

/**
 * A putAll or transaction named keys that live on different nodes of a partitioned cache, so it
 * cannot be done atomically. Split the batch by owner, or choose keys that hash together.
 */
public class CrossSlotException extends VelaException {

  /** An error with this message, which names two of the keys and their owners. */
  public CrossSlotException(String message) {
    super(message);
  }
}
