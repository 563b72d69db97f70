package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache API on the DISK backend through the builder, with the default {@code fsync}, and what
 * survives closing and reopening the cache.
 */
class DiskCacheTest {
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;

  private Cache<String, String> open(String name) {
    return DiskTesting.strings(name, dataDir, clock).create();
  }

  @Test
  void theCacheApiWorksOnDisk() {
    try (Cache<String, String> cache = open("api")) {
      cache.put("a", "1", PutOptions.tags("t"));
      cache.putAll(Map.of("b", "2", "c", "3"), PutOptions.ttl(Duration.ofMinutes(1)));

      assertThat(cache.get("a")).contains("1");
      assertThat(cache.exists("b")).isTrue();
      assertThat(cache.ttl("c")).contains(Duration.ofMinutes(1));
      assertThat(cache.size()).isEqualTo(3);
      assertThat(cache.getOrFetch("d", key -> key + "!")).isEqualTo("d!");
      assertThat(cache.delete("d")).isTrue();
      assertThat(cache.export()).extracting(CacheEntry::key).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(cache.invalidateTag("t")).isEqualTo(1);
      assertThat(cache.size()).isEqualTo(2);
      cache.flush();
      assertThat(cache.size()).isZero();
      assertThat(cache.inspect().details()).containsEntry("disk.fsync", "every 1000ms")
          .containsEntry("disk.store", StoreFiles.of(dataDir, "api").store().toString());
    }
  }

  @Test
  void entriesSurviveARestartWithTheirTimeToLiveRunningOnAndTheirTags() {
    try (Cache<String, String> cache = open("restart")) {
      cache.put("forever", "f", PutOptions.tags("group"));
      cache.put("short", "s", PutOptions.ttl(Duration.ofSeconds(10)).withTags("group"));
      cache.put("long", "l", PutOptions.ttl(Duration.ofMinutes(10)).withTags("group", "other"));
    }
    clock.advance(Duration.ofSeconds(4));

    try (Cache<String, String> cache = open("restart")) {
      assertThat(cache.get("forever")).contains("f");
      assertThat(cache.ttl("short")).contains(Duration.ofSeconds(6));
      clock.advance(Duration.ofSeconds(6));
      assertThat(cache.get("short")).isEmpty();
      assertThat(cache.invalidateTag("group")).isEqualTo(2);
      assertThat(cache.get("long")).isEmpty();
      assertThat(cache.size()).isZero();
    }
  }

  @Test
  void anEntryThatExpiredWhileTheCacheWasClosedIsNeverReturned() {
    try (Cache<String, String> cache = open("closed")) {
      cache.put("k", "v", PutOptions.ttl(Duration.ofSeconds(1)).withTags("t"));
    }
    clock.advance(Duration.ofSeconds(1));

    try (Cache<String, String> cache = open("closed")) {
      assertThat(cache.get("k")).isEmpty();
      assertThat(cache.exists("k")).isFalse();
      assertThat(cache.export()).isEmpty();
      assertThat(cache.invalidateTag("t")).isZero();
      assertThat(cache.stats().expirations()).isEqualTo(1);
    }
  }

  @Test
  void dataDirPlaceholdersAreResolvedWhenTheCacheStarts() {
    String unset = "VELA_TEST_UNSET_DATA_DIR_" + System.nanoTime();
    try (Cache<String, String> cache = DiskTesting.strings("placeholder", dataDir, clock)
        .option("dataDir", "${" + unset + ":" + dataDir.resolve("nested") + "}")
        .create()) {
      cache.put("k", "v");
    }
    assertThat(StoreFiles.of(dataDir.resolve("nested"), "placeholder").store()).exists();
  }

  @Test
  void eachCacheHasItsOwnStoreWithAnEscapedFileName() throws Exception {
    try (Cache<String, String> first = open("../Users/one");
        Cache<String, String> second = open("users one")) {
      first.put("k", "1");
      second.put("k", "2");
      assertThat(first.get("k")).contains("1");
      assertThat(second.get("k")).contains("2");
    }
    try (var files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("%2E%2E%2F%55sers%2Fone.vela.db", "users%20one.vela.db");
    }
  }

  @Test
  void aWeightLimitIsRefusedAtCreate() {
    var builder = DiskTesting.strings("weighed", dataDir, clock).maxWeight(100).weigher((key, value) -> value.length());

    assertThatThrownBy(builder::create)
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("'weighed'")
        .hasMessageContaining("maxSize");
  }

  @Test
  void aMissingDataDirIsRefusedNamingTheOption() {
    var builder = new dev.vela.CacheBuilder<String, String, Cache<String, String>>(
        new dev.vela.codec.CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "nowhere",
        dev.vela.annotation.Backend.DISK, dev.vela.annotation.Topology.LOCAL, c -> c);

    assertThatThrownBy(builder::create).isInstanceOf(VelaException.class).hasMessageContaining("no dataDir option");
  }

  @Test
  void optionValuesAreChecked() {
    assertThatThrownBy(() -> DiskTesting.strings("odd", dataDir, clock).option("onCorruption", "ignore").create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("option onCorruption \"ignore\", which is not one of")
        .hasMessageContaining("fail, moveAside");
    assertThatThrownBy(() -> DiskTesting.strings("odd", dataDir, clock).option("fsync", "soon").create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("fsync \"soon\"")
        .hasMessageContaining("always");
    assertThatThrownBy(() -> DiskTesting.strings("odd", dataDir, clock).option("fsync", "0").create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("fsync \"0\"");
  }

  @Test
  void writesSurviveACleanCloseWhateverTheFsyncSetting() {
    try (Cache<String, String> cache = DiskTesting.strings("periodic", dataDir, clock).option("fsync", "1h").create()) {
      cache.put("k", "v");
      assertThat(cache.inspect().details()).containsEntry("disk.fsync", "every 3600000ms");
    }
    try (Cache<String, String> cache =
        DiskTesting.strings("periodic", dataDir, clock).option("fsync", "always").create()) {
      assertThat(cache.get("k")).contains("v");
      cache.put("k2", "v2");
      assertThat(cache.inspect().details()).containsEntry("disk.fsync", "always");
    }
    try (Cache<String, String> cache = open("periodic")) {
      assertThat(cache.get("k")).contains("v");
      assertThat(cache.get("k2")).contains("v2");
      assertThat(cache.inspect().details()).containsEntry("disk.fsync", "every 1000ms");
    }
  }
}
