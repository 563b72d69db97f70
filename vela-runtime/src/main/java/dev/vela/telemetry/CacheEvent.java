package dev.vela.telemetry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One cache operation that ended, as a {@link CacheListener} sees it: which cache, how it ended and
 * how long it took, and what it was about. The four kinds match the operations a cache reports:
 * {@link Get}, {@link Put}, {@link Fetch} and {@link InvalidateTag}.
 */
public sealed interface CacheEvent {

  /** The name of the cache the operation ran on. */
  String cacheName();

  /** How the operation ended. */
  Outcome result();

  /** How long the operation took, in nanoseconds of {@link System#nanoTime()}. */
  long durationNanos();

  /** How long the operation took. */
  default Duration duration() {
    return Duration.ofNanos(durationNanos());
  }

  /** The operation's name in meter names: {@code get}, {@code put}, {@code fetch} or {@code invalidate_tag}. */
  String operation();

  /**
   * A read that counts as a hit or a miss: {@code get}, {@code getOrThrow}, the lookup that starts
   * {@code getOrFetch}, and each key of a {@code getAll}, which reports one event per key, each with
   * the duration of the whole call.
   *
   * @param cacheName the cache's name
   * @param key the key read
   * @param result {@link Outcome#HIT} or {@link Outcome#MISS}
   * @param durationNanos how long the read took
   */
  record Get(String cacheName, Object key, Outcome result, long durationNanos) implements CacheEvent {
    /** Checks the values. */
    public Get {
      Events.check(cacheName, key, durationNanos);
      Events.checkResult("get", result, Outcome.HIT, Outcome.MISS);
    }

    @Override
    public String operation() {
      return "get";
    }
  }

  /**
   * A {@code put} of one entry (not {@code putAll}, {@code load}, or the store that ends a fetch).
   *
   * @param cacheName the cache's name
   * @param key the key written
   * @param ttl the entry's time to live; {@link dev.vela.Expiry#NEVER} when it never
   *     expires
   * @param tags the entry's tags
   * @param result {@link Outcome#OK}, or {@link Outcome#ERROR} when the write threw
   * @param durationNanos how long the write took
   */
  record Put(String cacheName, Object key, Duration ttl, Set<String> tags, Outcome result, long durationNanos)
      implements CacheEvent {
    /** Checks the values and copies the tags. */
    public Put {
      Events.check(cacheName, key, durationNanos);
      Objects.requireNonNull(ttl, "ttl must not be null; use Expiry.NEVER for no expiry");
      tags = Set.copyOf(tags);
      Events.checkResult("put", result, Outcome.OK, Outcome.ERROR);
    }

    @Override
    public String operation() {
      return "put";
    }
  }

  /**
   * A call of the fetcher by {@code getOrFetch} and the store of its value. Callers that waited for
   * another caller's fetch of the same key see no event of their own.
   *
   * @param cacheName the cache's name
   * @param key the key fetched
   * @param result {@link Outcome#OK}, or {@link Outcome#ERROR} when the fetcher threw or returned null
   * @param durationNanos how long the fetch and store took
   */
  record Fetch(String cacheName, Object key, Outcome result, long durationNanos) implements CacheEvent {
    /** Checks the values. */
    public Fetch {
      Events.check(cacheName, key, durationNanos);
      Events.checkResult("fetch", result, Outcome.OK, Outcome.ERROR);
    }

    @Override
    public String operation() {
      return "fetch";
    }
  }

  /**
   * An {@code invalidateTag}.
   *
   * @param cacheName the cache's name
   * @param tag the tag invalidated
   * @param count how many entries it removed; 0 when it failed
   * @param result {@link Outcome#OK}, or {@link Outcome#ERROR} when it threw
   * @param durationNanos how long it took
   */
  record InvalidateTag(String cacheName, String tag, long count, Outcome result, long durationNanos)
      implements CacheEvent {
    /** Checks the values. */
    public InvalidateTag {
      Events.check(cacheName, tag, durationNanos);
      if (count < 0) {
        throw new IllegalArgumentException("count of removed entries must not be negative, was " + count);
      }
      Events.checkResult("invalidate_tag", result, Outcome.OK, Outcome.ERROR);
    }

    @Override
    public String operation() {
      return "invalidate_tag";
    }
  }
}
