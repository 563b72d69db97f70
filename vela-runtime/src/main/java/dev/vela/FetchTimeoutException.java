package dev.vela;

/**
 * A {@code getOrFetch} caller waited {@code stampedeTimeout} for another caller's fetch of the same
 * key and gave up. Raise {@code stampedeTimeout} or make the fetcher faster.
 */
public class FetchTimeoutException extends FetchException {

  /** An error with this message. */
  public FetchTimeoutException(String message) {
    super(message, null);
  }
}
