package dev.vela;

/** The root of every error Vela throws. Its message says what failed and what to do about it. */
public class VelaException extends RuntimeException {

  /** An error with this message. */
  public VelaException(String message) {
    super(message);
  }

  /** An error with this message, caused by {@code cause}. */
  public VelaException(String message, Throwable cause) {
    super(message, cause);
  }
}
