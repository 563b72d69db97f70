package dev.vela.processor.codec;

import dev.vela.codec.Codec;
import java.util.List;

/**
 * Implemented by classes compiled inside a test, so that the test can use a generated codec with
 * values built in plain code there.
 *
 * @param <T> the type encoded
 */
public interface CodecProbe<T> {
  /** The generated codec under test. */
  Codec<T> codec();

  /** Values that must survive encoding and decoding unchanged. */
  List<T> samples();
}
