package dev.vela;

import java.time.Duration;

/** The duration that means "never": an entry that does not expire, a sweep that does not run. */
public final class Expiry {
  /**
   * Never: the longest {@link Duration}. Pass it as a time to live ({@code PutOptions.ttl},
   * {@code Cache.expire}, the builder's {@code defaultTtl}) for entries that do not expire, or as the
   * builder's {@code sweepInterval} for a cache that is never swept; a remaining time to live equal
   * to it means the entry does not expire. The annotations write it {@code "infinity"}.
   */
  public static final Duration NEVER = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private Expiry() {}
}
