package dev.vela.backend;

import dev.vela.FetchException;
import dev.vela.FetchTimeoutException;
import java.util.function.Function;

/**
 * Stampede protection across processes, for backends that several processes share (Redis). The
 * cache core already lets one thread per key fetch inside a process; when the backend offers a
 * coordinator, that thread also asks it, so that of all processes only one fetches a missing key
 * while the others wait for the value it stores.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface FetchCoordinator<K, V> {

  /**
   * Runs {@code fetchAndStore} for {@code key} unless another process is already fetching it, in
   * which case it waits, at most the cache's stampede timeout, for the value that process stores.
   *
   * @param fetchAndStore fetches the value, stores it in the backend and returns it
   * @return the value this process fetched, or the one another process stored
   * @throws FetchTimeoutException when another process's fetch did not store a value in time
   * @throws FetchException when this process's fetch failed
   */
  V fetchOnce(K key, Function<? super K, ? extends V> fetchAndStore);
}
