package dev.vela;

/** The fetcher of a {@code getOrFetch} threw or returned null; nothing was stored. */
public class FetchException extends VelaException {

  /** An error with this message, caused by the fetcher's own exception (or none for a null result). */
  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
