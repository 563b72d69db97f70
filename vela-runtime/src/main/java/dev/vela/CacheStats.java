package dev.vela;

/**
 * Counters of a cache since it started. On a distributed cache {@link Cache#stats()} sums them over
 * every node; {@code cache.local().stats()} gives this node's.
 *
 * @param hits reads that found a live entry (near-cache L1 hits included)
 * @param misses reads that found nothing, or an expired entry
 * @param writes entries stored by put, putAll, getOrFetch and load
 * @param deletes entries removed by delete, flush and invalidateTag
 * @param evictions entries removed to stay within maxSize
 * @param expirations expired entries removed, by a read or by the sweeper
 * @param fetches fetcher calls made by getOrFetch
 * @param fetchErrors fetcher calls that threw or returned null
 * @param decodeErrors stored bytes that could not be decoded (written by an older shape of the
 *     type, or corrupt); each was treated as a miss
 * @param l1Hits reads answered by the near cache's L1
 * @param l1Misses reads the near cache's L1 could not answer
 */
public record CacheStats(
    long hits,
    long misses,
    long writes,
    long deletes,
    long evictions,
    long expirations,
    long fetches,
    long fetchErrors,
    long decodeErrors,
    long l1Hits,
    long l1Misses) {

  /** All counters zero. */
  public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Reads that were answered: hits plus misses. */
  public long requests() {
    return hits + misses;
  }

  /** The share of reads that hit, from 0.0 to 1.0; 1.0 when there was no read yet. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 1.0 : (double) hits / requests;
  }

  /** The counters of this and {@code other} added up, as for the nodes of one cache. */
  public CacheStats plus(CacheStats other) {
    return new CacheStats(
        hits + other.hits,
        misses + other.misses,
        writes + other.writes,
        deletes + other.deletes,
        evictions + other.evictions,
        expirations + other.expirations,
        fetches + other.fetches,
        fetchErrors + other.fetchErrors,
        decodeErrors + other.decodeErrors,
        l1Hits + other.l1Hits,
        l1Misses + other.l1Misses);
  }
}
