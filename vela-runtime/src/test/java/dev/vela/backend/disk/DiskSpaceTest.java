package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.CacheBackend;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space given back: after a churn of ten times the live data (overwrites with values of other
 * sizes, deletes, new keys, expiries), the store's files take at most twice what a fresh store of
 * the same live entries takes, while open and after closing, without anything asked of the user.
 */
class DiskSpaceTest {
  private static final int LIVE = 3_000;
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;
  @TempDir Path freshDir;

  private CacheBackend<String, String> open(Path dir) {
    var builder = DiskTesting.strings("churn", dir, clock);
    return DiskBackend.open(DiskTesting.context(builder, clock, (key, value, cause) -> { }, error -> {
      throw new AssertionError("no value should fail to decode", error);
    }));
  }

  @Test
  void churnOfTenTimesTheLiveDataLeavesFilesAtMostTwiceWhatTheLiveEntriesNeed() throws IOException {
    Random random = new Random(7);
    Map<String, StoredEntry<String>> live;
    long whileOpen;
    try (CacheBackend<String, String> churned = open(dataDir)) {
      for (int i = 0; i < LIVE; i++) {
        churned.put("k" + i, value(random), StoredEntry.NO_EXPIRY, Set.of());
      }
      int nextShort = 0;
      for (long written = LIVE; written < 10L * LIVE; written++) {
        String key = "k" + random.nextInt(LIVE);
        switch (random.nextInt(4)) {
          case 0 -> churned.put(key, value(random), StoredEntry.NO_EXPIRY, Set.of()); // another size
          case 1 -> { // a delete, and the key comes back later
            churned.delete(key);
            churned.put(key, value(random), StoredEntry.NO_EXPIRY, Set.of());
          }
          case 2 -> { // an entry that expires and is swept
            churned.put("short" + nextShort++, value(random), clock.millis() + 1_000, Set.of());
            if (nextShort % 200 == 0) {
              clock.advance(Duration.ofSeconds(2));
              churned.removeExpired(1_000);
            }
          }
          default -> churned.put(key, value(random), StoredEntry.NO_EXPIRY, Set.of("t" + random.nextInt(10)));
        }
      }
      clock.advance(Duration.ofSeconds(2));
      churned.removeExpired(1_000);
      live = churned.entries().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      whileOpen = bytesOf(dataDir);
    }
    long afterClose = bytesOf(dataDir);
    assertThat(live).hasSize(LIVE);

    try (CacheBackend<String, String> fresh = open(freshDir)) {
      fresh.putAll(live);
    }
    long needed = bytesOf(freshDir);

    assertThat(whileOpen).as("bytes while open, against %d for the live entries alone", needed)
        .isLessThanOrEqualTo(2 * needed);
    assertThat(afterClose).as("bytes after close, against %d for the live entries alone", needed)
        .isLessThanOrEqualTo(2 * needed);
  }

  private static String value(Random random) {
    return "v".repeat(50 + random.nextInt(400));
  }

  private static long bytesOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
