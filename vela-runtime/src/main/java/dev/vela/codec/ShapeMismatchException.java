package dev.vela.codec;

/**
 * Stored bytes whose shape fingerprint is not the reading codec's: the value was written by
 * another shape of the type (an older version of a record, say). Callers treat it like any other
 * undecodable value, as a miss, and may count it apart.
 */
public final class ShapeMismatchException extends CodecException {
  private final int expectedFingerprint;
  private final int foundFingerprint;

  /** A mismatch between the fingerprint of {@code expectedShape} and the one found in the bytes. */
  public ShapeMismatchException(String expectedShape, int expectedFingerprint, int foundFingerprint) {
    super(String.format(
        "bytes were written by another shape (fingerprint %08x) than the one reading them, %s (fingerprint %08x);"
            + " the value predates a change of the type and must be written again",
        foundFingerprint, expectedShape, expectedFingerprint));
    this.expectedFingerprint = expectedFingerprint;
    this.foundFingerprint = foundFingerprint;
  }

  /**
   * Skips the stack trace: after a type changes, every old value read ends here, an expected event
   * that the message describes fully, and a trace would cost more than the read.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** The fingerprint of the reading codec's shape. */
  public int expectedFingerprint() {
    return expectedFingerprint;
  }

  /** The fingerprint found in the bytes. */
  public int foundFingerprint() {
    return foundFingerprint;
  }
}
