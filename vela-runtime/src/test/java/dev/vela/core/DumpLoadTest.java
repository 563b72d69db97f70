package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheEntry;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.codec.TypeCodec;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import dev.vela.testing.TestCodecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dump and load: a faithful round trip, and files that are refused whole. */
class DumpLoadTest {
  private final ManualClock clock = new ManualClock();
  private final Cache<String, String> source = TestCaches.strings("users", clock).create();
  private final Cache<String, String> target = TestCaches.strings("users", clock).create();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private Path dumpOfThree() {
    source.put("plain", "1");
    source.put("tagged", "2", PutOptions.tags("a", "b"));
    source.put("expiring", "3", PutOptions.ttl(Duration.ofMinutes(10)).withTags("c"));
    Path file = dir.resolve("users.dump");
    assertThat(source.dump(file)).isEqualTo(3);
    return file;
  }

  @Test
  void loadRestoresValuesTagsAndExpiry() {
    Path file = dumpOfThree();
    clock.advance(Duration.ofMinutes(4));

    assertThat(target.load(file)).isEqualTo(3);

    List<CacheEntry<String, String>> restored = target.export();
    assertThat(restored).containsExactlyInAnyOrderElementsOf(source.export());
    assertThat(target.ttl("expiring")).contains(Duration.ofMinutes(6));
    assertThat(target.invalidateTag("b")).isEqualTo(1);
    assertThat(target.stats().writes()).isEqualTo(3);
  }

  @Test
  void loadSkipsEntriesThatExpiredSinceTheDump() {
    Path file = dumpOfThree();
    clock.advance(Duration.ofMinutes(10));

    assertThat(target.load(file)).isEqualTo(2);

    assertThat(target.exists("expiring")).isFalse();
    assertThat(target.size()).isEqualTo(2);
  }

  @Test
  void aDumpLeavesOnlyTheFinishedFileAndReplacesAnOlderOne() throws IOException {
    Path file = dir.resolve("users.dump");
    Files.writeString(file, "an older file");

    source.put("k", "v");
    source.dump(file);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("VELADUMP");
    assertThat(bytes[8]).isEqualTo((byte) 1);
  }

  @Test
  void anEmptyCacheDumpsAndLoadsNothing() {
    Path file = dir.resolve("empty.dump");

    assertThat(source.dump(file)).isZero();
    assertThat(target.load(file)).isZero();
  }

  @Test
  void aDumpOfAnotherValueShapeIsRefusedNamingTheType() {
    Path file = dumpOfThree();
    TypeCodec<String> changed = TypeCodec.of("com.acme.Renamed", TestCodecs.STRING_V2);
    try (Cache<String, String> renamed = TestCaches.builder(TestCodecs.string(), changed, "users", clock).create()) {
      assertThatThrownBy(() -> renamed.load(file))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("value type changed")
          .hasMessageContaining("com.acme.Renamed");
      assertThat(renamed.size()).isZero();
    }
  }

  @Test
  void aDumpOfAnotherKeyTypeIsRefused() {
    Path file = dumpOfThree();
    try (Cache<Integer, String> integers =
        TestCaches.builder(TestCodecs.integer(), TestCodecs.string(), "users", clock).create()) {
      assertThatThrownBy(() -> integers.load(file))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("key type changed");
    }
  }

  @Test
  void aDamagedFileIsRefusedAndNothingOfItIsStored() throws IOException {
    Path file = dumpOfThree();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(file, bytes);
    target.put("before", "kept");

    assertThatThrownBy(() -> target.load(file))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("CRC32")
        .hasMessageContaining("nothing was loaded");

    assertThat(target.export()).extracting(CacheEntry::key).containsExactly("before");
  }

  @Test
  void aCutShortFileIsRefused() throws IOException {
    Path file = dumpOfThree();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

    assertThatThrownBy(() -> target.load(file))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("not a valid Vela dump");
    assertThat(target.size()).isZero();
  }

  @Test
  void aFileWithAValidChecksumButBrokenStructureIsRefused() throws IOException {
    Path file = dumpOfThree();
    byte[] bytes = Files.readAllBytes(file);
    bytes[0] = 'X'; // wrong magic, then a checksum that matches it
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (crc.getValue() >>> (8 * i));
    }
    Files.write(file, bytes);

    assertThatThrownBy(() -> target.load(file))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("does not start with VELADUMP");
  }

  @Test
  void aFileThatIsNotADumpIsRefused() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "these are not the entries you are looking for");

    assertThatThrownBy(() -> target.load(file))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("notes.txt");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("absent.dump");

    assertThatThrownBy(() -> target.load(file))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("absent.dump")
        .hasMessageContaining("no such file");
  }

  @Test
  void aTypeWithoutACodecCannotBeDumped() {
    TypeCodec<String> noCodec = TypeCodec.missing("com.acme.Blob", "Blob.handle: java.nio.channels.FileChannel");
    try (Cache<String, String> cache = TestCaches.builder(TestCodecs.string(), noCodec, "blobs", clock).create()) {
      cache.put("k", "v");

      assertThatThrownBy(() -> cache.dump(dir.resolve("blobs.dump")))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("com.acme.Blob")
          .hasMessageContaining("@VelaCodec");
    }
  }

  @Test
  void aDumpIntoAMissingDirectoryFailsWithTheReason() {
    source.put("k", "v");

    assertThatThrownBy(() -> source.dump(dir.resolve("missing/users.dump")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("directory");
  }
}
