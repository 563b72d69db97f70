package dev.vela.core;

import dev.vela.PutOptions;
import dev.vela.backend.StoredEntry;
import dev.vela.config.Durations;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Turns time to live into absolute expiry times in epoch milliseconds from the cache's clock. A
 * time to live is rounded up to whole milliseconds, so it never rounds down to "already expired";
 * one too large to add saturates to {@link StoredEntry#NO_EXPIRY}.
 */
final class ExpiryTimes {
  private static final long NO_DEFAULT = -1;

  private final InstantSource clock;
  private final long defaultTtlMillis;

  ExpiryTimes(InstantSource clock, Duration defaultTtl) {
    this.clock = clock;
    this.defaultTtlMillis = Durations.isInfinite(defaultTtl) ? NO_DEFAULT : ceilMillis(defaultTtl);
  }

  /** The expiry of an entry put without options; reads the clock only when there is a default TTL. */
  long defaultExpiry() {
    return defaultTtlMillis == NO_DEFAULT ? StoredEntry.NO_EXPIRY : after(defaultTtlMillis);
  }

  /** The expiry of an entry put with {@code options}. */
  long expiryFor(PutOptions options) {
    if (options.isNoExpiry()) {
      return StoredEntry.NO_EXPIRY;
    }
    Optional<Duration> ttl = options.timeToLive();
    return ttl.isPresent() ? after(ceilMillis(ttl.get())) : defaultExpiry();
  }

  /** The remaining time to live of an entry expiring at {@code expiresAtMillis}; empty if never. */
  Optional<Duration> remaining(long expiresAtMillis) {
    if (expiresAtMillis == StoredEntry.NO_EXPIRY) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.max(1, expiresAtMillis - clock.millis())));
  }

  long now() {
    return clock.millis();
  }

  private long after(long ttlMillis) {
    long now = clock.millis();
    long expiresAt = now + ttlMillis;
    return expiresAt < now ? StoredEntry.NO_EXPIRY : expiresAt;
  }

  private static long ceilMillis(Duration ttl) {
    try {
      long millis = ttl.toMillis();
      return ttl.getNano() % 1_000_000 == 0 ? millis : Math.addExact(millis, 1);
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
