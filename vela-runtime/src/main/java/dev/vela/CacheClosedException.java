package dev.vela;

/** A method was called on a cache after its {@code close()}. Create a new cache instead. */
public class CacheClosedException extends VelaException {

  /** An error naming the closed cache. */
  public CacheClosedException(String cacheName) {
    super("cache '" + cacheName + "' is closed; create a new one with create() or builder().create()");
  }
}
