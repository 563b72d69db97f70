package dev.vela.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime's entry events as a synchronous JCache listener hears them, old values included. */
class RunTimeCacheEventsTest {
  private final CacheManager manager = Caching.getCachingProvider(VelaCachingProvider.class.getName())
      .getCacheManager(URI.create("vela:events-test"), getClass().getClassLoader());
  private final Recorder recorder = new Recorder();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aSynchronousListenerHearsEveryKindOfChangeInOrderWithOldValues() {
    Cache<String, Integer> cache = manager.createCache("events", new MutableConfiguration<String, Integer>()
        .setTypes(String.class, Integer.class)
        // a read leaves the entry no time: the next read finds it expired, with no clock involved
        .setExpiryPolicyFactory(ReadOnceExpiry::new)
        .addCacheEntryListenerConfiguration(
            new MutableCacheEntryListenerConfiguration<>(() -> recorder, null, true, true)));

    cache.put("a", 1);
    cache.put("a", 2);
    assertThat(cache.get("a")).isEqualTo(2);
    assertThat(cache.get("a")).isNull();
    cache.put("a", 3);
    cache.remove("a");

    assertThat(recorder.seen).containsExactly(
        "CREATED a null->1", "UPDATED a 1->2", "EXPIRED a 2->2", "CREATED a null->3", "REMOVED a 3->3");
  }

  /** Entries live until read once. */
  static final class ReadOnceExpiry implements ExpiryPolicy {
    @Override
    public Duration getExpiryForCreation() {
      return Duration.ETERNAL;
    }

    @Override
    public Duration getExpiryForAccess() {
      return Duration.ZERO;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }

  /** Writes down each event it hears. */
  static final class Recorder implements CacheEntryCreatedListener<String, Integer>,
      CacheEntryUpdatedListener<String, Integer>, CacheEntryRemovedListener<String, Integer>,
      CacheEntryExpiredListener<String, Integer> {
    final List<String> seen = new ArrayList<>();

    private void record(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      for (CacheEntryEvent<? extends String, ? extends Integer> event : events) {
        seen.add(event.getEventType() + " " + event.getKey() + " " + event.getOldValue() + "->" + event.getValue());
      }
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      record(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      record(events);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      record(events);
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      record(events);
    }
  }
}
