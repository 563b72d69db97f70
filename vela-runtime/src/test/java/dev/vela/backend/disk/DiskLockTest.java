package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One store, one holder: a second opener is told who holds it, never given a second store. */
class DiskLockTest {
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;

  @Test
  void aStoreHeldByAnotherProcessIsRefusedNamingTheFileAndTheHolder() throws Exception {
    try (ChildJvm holder = ChildJvm.start("hold", dataDir.toString())) {
      assertThat(holder.nextLine(Duration.ofSeconds(60))).isEqualTo("ready");

      assertThatThrownBy(() -> DiskTesting.strings(DiskChildMain.CACHE_NAME, dataDir, clock).create())
          .isInstanceOf(VelaException.class)
          .hasMessageContaining(dataDir.toString())
          .hasMessageContaining(StoreFiles.of(dataDir, DiskChildMain.CACHE_NAME).store().getFileName().toString())
          .hasMessageContaining("pid " + holder.pid() + " on host ");

      holder.kill();
    }
    try (Cache<String, String> cache = DiskTesting.strings(DiskChildMain.CACHE_NAME, dataDir, clock).create()) {
      cache.put("k", "v");
      assertThat(cache.get("k")).contains("v");
    }
  }

  @Test
  void aSecondCacheOfThisProcessOnTheSameStoreIsRefused() {
    try (Cache<String, String> first = DiskTesting.strings("users", dataDir, clock).create()) {
      assertThatThrownBy(() -> DiskTesting.strings("users", dataDir, clock).create())
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("'users'")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
      first.put("k", "v");
    }
    try (Cache<String, String> reopened = DiskTesting.strings("users", dataDir, clock).create()) {
      assertThat(reopened.get("k")).contains("v");
    }
  }
}
