package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.testing.ManualClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write torn by a crash: the files of an open store are copied as a killed process would leave
 * them, the log's last record is cut at every byte offset, and each copy reopens to the last whole
 * record, with everything before it.
 */
class DiskTornLogTest {
  private static final String NAME = "torn";
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;
  @TempDir Path copies;

  @Test
  void aLogCutAnywhereInItsLastRecordReopensToTheRecordBefore() throws IOException {
    Path crashed = copies.resolve("crashed");
    long lastRecordStart;
    long lastRecordEnd;
    try (Cache<String, String> cache = DiskTesting.strings(NAME, dataDir, clock).create()) {
      cache.put("first", "1", PutOptions.tags("t"));
      cache.put("second", "2", PutOptions.ttl(Duration.ofHours(1)));
      cache.delete("first");
      cache.put("third", "3");
      lastRecordStart = Files.size(segment(dataDir));
      cache.put("last", "the last value, with tags", PutOptions.tags("a", "b").withTtl(Duration.ofHours(2)));
      lastRecordEnd = Files.size(segment(dataDir));
      copyFiles(dataDir, crashed); // what a killed process leaves: the log as written, the store as checkpointed
    }
    assertThat(lastRecordEnd).isGreaterThan(lastRecordStart);

    for (long cut = lastRecordStart; cut <= lastRecordEnd; cut++) {
      Path trial = copies.resolve("cut-" + cut);
      copyFiles(crashed, trial);
      try (FileChannel log = FileChannel.open(segment(trial), StandardOpenOption.WRITE)) {
        log.truncate(cut);
      }
      try (Cache<String, String> reopened = DiskTesting.strings(NAME, trial, clock).create()) {
        assertThat(reopened.get("first")).as("cut at %d", cut).isEmpty();
        assertThat(reopened.get("second")).as("cut at %d", cut).contains("2");
        assertThat(reopened.ttl("second")).as("cut at %d", cut).contains(Duration.ofHours(1));
        assertThat(reopened.get("third")).as("cut at %d", cut).contains("3");
        if (cut == lastRecordEnd) {
          assertThat(reopened.get("last")).as("whole record").contains("the last value, with tags");
          assertThat(reopened.invalidateTag("b")).isEqualTo(1);
        } else {
          assertThat(reopened.get("last")).as("cut at %d", cut).isEmpty();
          assertThat(reopened.size()).as("cut at %d", cut).isEqualTo(2);
        }
        reopened.put("after", "reopen");
      }
      // a store reopened from a torn log takes writes again
      if (cut == lastRecordStart || cut == lastRecordEnd - 1) {
        try (Cache<String, String> again = DiskTesting.strings(NAME, trial, clock).create()) {
          assertThat(again.get("after")).as("cut at %d, written after reopening", cut).contains("reopen");
          assertThat(again.get("third")).as("cut at %d, reopened twice", cut).contains("3");
        }
      }
    }
  }

  /** The one log segment of the store under {@code dir}. */
  private static Path segment(Path dir) throws IOException {
    StoreFiles files = StoreFiles.of(dir, NAME);
    List<Long> numbers = OpLog.segmentNumbers(files);
    assertThat(numbers).hasSize(1);
    return files.logSegment(numbers.get(0));
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
