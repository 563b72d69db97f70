package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.RemovalCause;
import dev.vela.backend.StoredEntry;
import dev.vela.config.FsyncPolicy;
import dev.vela.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeper's removals reach the disk, indexes included, batch by batch. */
class DiskSweepTest {
  private final ManualClock clock = new ManualClock();
  private final List<String> expired = new CopyOnWriteArrayList<>();

  @TempDir Path dataDir;

  private DiskBackend<String, String> open() {
    return DiskBackend.open(DiskTesting.context(DiskTesting.strings("swept", dataDir, clock), clock,
        (key, value, cause) -> {
          assertThat(cause).isEqualTo(RemovalCause.EXPIRED);
          expired.add(key);
        },
        error -> {
          throw new AssertionError("no value should fail to decode", error);
        }));
  }

  @Test
  void expiredEntriesAreRemovedFromTheStoreAndItsIndexesInBatches() {
    try (DiskBackend<String, String> backend = open()) {
      for (int i = 0; i < 25; i++) {
        backend.put("short" + i, "s", clock.millis() + 1_000, Set.of("t"));
      }
      backend.put("later", "l", clock.millis() + 60_000, Set.of("t"));
      backend.put("kept", "k", StoredEntry.NO_EXPIRY, Set.of("t"));
      clock.advance(Duration.ofSeconds(1));

      assertThat(backend.removeExpired(10)).isEqualTo(25);
    }
    assertThat(expired).hasSize(25).allMatch(key -> key.startsWith("short"));

    DiskOptions options = new DiskOptions(dataDir, OnCorruption.FAIL, FsyncPolicy.parse("always"));
    try (DiskStore raw = DiskStore.open(options, "swept", clock)) {
      assertThat(raw.entries()).hasSize(2);
      assertThat(raw.expiryIndex()).hasSize(1);
      assertThat(raw.tagIndex()).hasSize(2);
    }
    try (DiskBackend<String, String> reopened = open()) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(reopened.removeExpired(10)).isEqualTo(1);
      assertThat(reopened.invalidateTag("t")).isEqualTo(1);
      assertThat(reopened.heldEntries()).isZero();
    }
  }
}
