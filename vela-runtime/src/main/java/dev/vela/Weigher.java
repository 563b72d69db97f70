package dev.vela;

/**
 * How much of a cache's {@code maxWeight} one entry takes: bytes, rows, or any unit the limit is
 * written in. A cache bounded by weight asks its weigher when an entry is written (and when it is
 * overwritten), never on reads, so the weight of an entry is fixed until it is written again.
 *
 * <pre>{@code
 * Vela.builder("pages").maxWeight(64 << 20).weigher((String url, byte[] page) -> page.length)
 * }</pre>
 *
 * <p>Named in {@code @VelaCache(weigher = ...)}, the class needs a public no-argument constructor.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Weigher<K, V> {

  /**
   * The entry's weight: zero or more. An entry of weight zero is never evicted for size; one
   * heavier than the whole limit is evicted as soon as it is written.
   */
  int weigh(K key, V value);
}
