package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.config.FsyncPolicy;
import dev.vela.testing.ManualClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file that cannot be read: refused by name, or moved aside when the option says so. */
class DiskCorruptionTest {
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;

  private Path storeWithEntries() {
    try (Cache<String, String> cache = DiskTesting.strings("damaged", dataDir, clock).create()) {
      for (int i = 0; i < 100; i++) {
        cache.put("k" + i, "v" + i);
      }
    }
    return StoreFiles.of(dataDir, "damaged").store();
  }

  private static void truncateToHalf(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
  }

  @Test
  void aTruncatedStoreIsRefusedNamingTheFileAndTheWayOut() throws IOException {
    Path store = storeWithEntries();
    truncateToHalf(store);

    assertThatThrownBy(() -> DiskTesting.strings("damaged", dataDir, clock).create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining(store.toString())
        .hasMessageContaining("corrupt or truncated")
        .hasMessageContaining("onCorruption=moveAside");
    assertThat(store).exists();
  }

  @Test
  void aStoreOfGarbageIsRefusedToo() throws IOException {
    Path store = StoreFiles.of(dataDir, "damaged").store();
    Files.writeString(store, "not a store at all, just some text that happens to sit where the store should be");

    assertThatThrownBy(() -> DiskTesting.strings("damaged", dataDir, clock).create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining(store.toString());
  }

  @Test
  void moveAsideRenamesTheBadFileWithATimestampAndStartsEmpty() throws IOException {
    Path store = storeWithEntries();
    truncateToHalf(store);
    byte[] damaged = Files.readAllBytes(store);

    try (Cache<String, String> cache = DiskTesting.strings("damaged", dataDir, clock)
        .option("onCorruption", "moveAside")
        .create()) {
      assertThat(cache.size()).isZero();
      cache.put("fresh", "start");
      assertThat(cache.get("fresh")).contains("start");
    }

    Path aside = store.resolveSibling(store.getFileName() + ".corrupt-20300101T000000.000Z");
    assertThat(aside).exists();
    assertThat(Files.readAllBytes(aside)).isEqualTo(damaged);
    try (Cache<String, String> reopened = DiskTesting.strings("damaged", dataDir, clock).create()) {
      assertThat(reopened.get("fresh")).contains("start");
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".corrupt-"))).hasSize(1);
    }
  }

  @Test
  void aDamagedRecordIsAMissCountedAsADecodeError() throws IOException {
    Path store = storeWithEntries();
    // rewrite one record's bytes through the store itself, as a damaged sector would leave them
    try (DiskStore raw = DiskStore.open(
        new DiskOptions(dataDir, OnCorruption.FAIL, FsyncPolicy.parse("always")), "damaged", clock)) {
      byte[] anyKey = raw.entries().keySet().iterator().next();
      raw.entries().put(anyKey, "xx".getBytes(StandardCharsets.UTF_8));
      raw.commit();
    }
    assertThat(store).exists();

    try (Cache<String, String> cache = DiskTesting.strings("damaged", dataDir, clock).create()) {
      long found = 0;
      for (int i = 0; i < 100; i++) {
        found += cache.get("k" + i).isPresent() ? 1 : 0;
      }
      assertThat(found).isEqualTo(99);
      assertThat(cache.stats().decodeErrors()).isEqualTo(1);
    }
  }
}
