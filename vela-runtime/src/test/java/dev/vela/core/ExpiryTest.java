package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Time to live: the default, per put, none at all; reads and sweeps on a moved clock. */
class ExpiryTest {
  private final ManualClock clock = new ManualClock();

  private Cache<String, String> cacheWithDefaultTtl(Duration defaultTtl) {
    return TestCaches.strings("expiring", clock).defaultTtl(defaultTtl).create();
  }

  @Test
  void entriesLiveForTheDefaultTtl() {
    try (Cache<String, String> cache = cacheWithDefaultTtl(Duration.ofMinutes(1))) {
      cache.put("k", "v");
      clock.advance(Duration.ofSeconds(59));
      assertThat(cache.get("k")).contains("v");
      assertThat(cache.ttl("k")).contains(Duration.ofSeconds(1));

      clock.advance(Duration.ofSeconds(1));

      assertThat(cache.get("k")).isEmpty();
      assertThat(cache.ttl("k")).isEmpty();
    }
  }

  @Test
  void aPutTtlOverridesTheDefaultAndNoExpiryOverridesBoth() {
    try (Cache<String, String> cache = cacheWithDefaultTtl(Duration.ofMinutes(1))) {
      cache.put("short", "v", PutOptions.ttl(Duration.ofSeconds(5)));
      cache.put("forever", "v", PutOptions.noExpiry());
      cache.put("tagged", "v", PutOptions.tags("t")); // tags only: the default TTL applies

      assertThat(cache.ttl("short")).contains(Duration.ofSeconds(5));
      assertThat(cache.ttl("forever")).isEmpty();
      assertThat(cache.ttl("tagged")).contains(Duration.ofMinutes(1));

      clock.advance(Duration.ofDays(365));

      assertThat(cache.exists("short")).isFalse();
      assertThat(cache.exists("tagged")).isFalse();
      assertThat(cache.get("forever")).contains("v");
    }
  }

  @Test
  void withoutADefaultTtlEntriesNeverExpire() {
    try (Cache<String, String> cache = TestCaches.strings("plain", clock).create()) {
      cache.put("k", "v");
      clock.advance(Duration.ofDays(10_000));

      assertThat(cache.get("k")).contains("v");
      assertThat(cache.ttl("k")).isEmpty();
      assertThat(cache.exists("k")).isTrue();
    }
  }

  @Test
  void aTtlShorterThanAMillisecondRoundsUpToOne() {
    try (Cache<String, String> cache = TestCaches.strings("tiny", clock).create()) {
      cache.put("k", "v", PutOptions.ttl(Duration.ofNanos(1)));
      assertThat(cache.get("k")).contains("v");

      clock.advance(Duration.ofMillis(1));

      assertThat(cache.get("k")).isEmpty();
    }
  }

  @Test
  void aReadOfAnExpiredEntryRemovesItAndCountsAnExpirationAndAMiss() {
    try (Cache<String, String> cache = TestCaches.strings("counted", clock).create()) {
      cache.put("k", "v", PutOptions.ttl(Duration.ofSeconds(1)));
      clock.advance(Duration.ofSeconds(1));

      assertThat(cache.get("k")).isEmpty();

      assertThat(cache.stats().expirations()).isEqualTo(1);
      assertThat(cache.stats().misses()).isEqualTo(1);
      assertThat(cache.inspect().entries()).isZero();
    }
  }

  @Test
  void sizeAndExportLeaveExpiredEntriesOutBeforeAnySweep() {
    try (Cache<String, String> cache = TestCaches.strings("sized", clock).create()) {
      cache.put("a", "1", PutOptions.ttl(Duration.ofSeconds(1)));
      cache.put("b", "2");
      clock.advance(Duration.ofSeconds(1));

      assertThat(cache.size()).isEqualTo(1);
      assertThat(cache.export()).hasSize(1);
      assertThat(cache.inspect().entries()).isEqualTo(2);
    }
  }

  @Test
  void aSweepRemovesExpiredEntriesAndCountsThem() {
    try (Cache<String, String> cache = TestCaches.strings("swept", clock).create()) {
      for (int i = 0; i < 3_000; i++) {
        cache.put("old" + i, "v", PutOptions.ttl(Duration.ofSeconds(1)));
      }
      cache.put("fresh", "v", PutOptions.ttl(Duration.ofMinutes(1)));
      clock.advance(Duration.ofSeconds(2));

      long removed = ((CoreCache<String, String>) cache).sweepExpired();

      assertThat(removed).isEqualTo(3_000);
      assertThat(cache.inspect().entries()).isEqualTo(1);
      assertThat(cache.stats().expirations()).isEqualTo(3_000);
      assertThat(cache.get("fresh")).contains("v");
    }
  }
}
