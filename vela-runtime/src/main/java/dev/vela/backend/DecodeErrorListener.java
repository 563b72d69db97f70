package dev.vela.backend;

import dev.vela.codec.CodecException;

/**
 * Told when a backend that stores bytes finds a value it cannot decode: written by an older shape
 * of the type, or damaged. The backend treats the entry as a miss; the core counts it in {@code
 * decodeErrors} and logs the first one of each cache.
 */
@FunctionalInterface
public interface DecodeErrorListener {

  /** Called once for each value that could not be decoded, with the reason. */
  void onDecodeError(CodecException error);
}
