package dev.vela.topology.replicated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A node that starts the cache receives the full contents before it starts, while writes go on elsewhere. */
class JoinTransferTest {
  private static final int ENTRIES = 1_600; // four batches

  @Test
  void aJoiningNodeStartsWithEveryEntryItsTimeToLiveAndTagsAndMissesNoConcurrentWrite() throws Exception {
    try (ReplicatedNodes cluster = new ReplicatedNodes("replicated-join", 3, 3)) {
      Cache<String, String> first = cluster.startCache(0);
      Cache<String, String> second = cluster.startCache(1);
      for (int i = 0; i < ENTRIES; i++) {
        first.put("k" + i, "v" + i, PutOptions.ttl(Duration.ofMinutes(10)).withTags(i % 2 == 0 ? "even" : "odd"));
      }
      first.delete("k1");

      AtomicBoolean joined = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      CountDownLatch writing = new CountDownLatch(1);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 20_000 && !joined.get(); i++) { // bounded; stops soon after the join
          second.put("k" + (i % ENTRIES), "w" + i, PutOptions.ttl(Duration.ofMinutes(10)).withTags("odd"));
          if (i % 5 == 0) {
            second.delete("d" + i);
          }
          written.incrementAndGet();
          writing.countDown();
        }
      });
      assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
      Cache<String, String> joiner = cluster.startCache(2);
      joined.set(true);
      writer.get(60, TimeUnit.SECONDS);

      assertThat(written.get()).isPositive();
      assertThat(joiner.local().size()).isBetween((long) ENTRIES - 1, (long) ENTRIES);
      assertThat(joiner.ttl("k2")).hasValueSatisfying(ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
      Map<String, String> copy = contents(first);
      assertThat(contents(second)).isEqualTo(copy);
      assertThat(contents(joiner)).isEqualTo(copy);
      assertThat(joiner.invalidateTag("even")).isEqualTo(countTagged(copy));
      assertThat(contents(first)).isEqualTo(contents(joiner));
    }
  }

  private static long countTagged(Map<String, String> copy) {
    return copy.entrySet().stream()
        .filter(e -> e.getValue().startsWith("v") && Integer.parseInt(e.getKey().substring(1)) % 2 == 0)
        .count();
  }

  private static Map<String, String> contents(Cache<String, String> cache) {
    Map<String, String> sorted = new TreeMap<>();
    cache.local().stream().forEach((CacheEntry<String, String> entry) -> sorted.put(entry.key(), entry.value()));
    return sorted;
  }
}
