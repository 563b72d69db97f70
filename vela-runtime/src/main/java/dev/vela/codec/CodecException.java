package dev.vela.codec;

import dev.vela.VelaException;

/**
 * Bytes that are not a valid encoding: truncated, corrupt, too deeply nested, or written by another
 * shape of the type. Stored values that fail to decode are treated as misses and counted.
 */
public class CodecException extends VelaException {

  /** An error saying what was wrong with the bytes. */
  public CodecException(String message) {
    super(message);
  }

  /** An error saying what was wrong with the bytes, found through {@code cause}. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
