package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under SIGKILL: a child JVM writes from four threads and prints each key once its put
 * has returned; the test kills it mid-write, reopens the store and finds every printed key. The
 * default commit policy is under test: a put returns only after its commit.
 */
class DiskCrashTest {
  private static final int ROUNDS = 20;
  private static final Duration LINE_DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @Test
  void everyAcknowledgedWriteSurvivesAKillInTheMiddleOfWriting() throws Exception {
    Random random = new Random(42);
    Set<String> acknowledged = new LinkedHashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 1 + random.nextInt(40);
      try (ChildJvm child = ChildJvm.start("write", dataDir.toString(), "r" + round)) {
        for (int n = 0; n < killAfter; n++) {
          String key = child.nextLine(LINE_DEADLINE);
          assertThat(key).as("acknowledged write %d of round %d; child's errors:%n%s", n, round, child.errors())
              .isNotNull();
          acknowledged.add(key);
        }
        assertThat(child.isAlive()).as("child still writing when killed, round %d", round).isTrue();
        child.kill();
        acknowledged.addAll(child.linesUntilEnd(LINE_DEADLINE));
      }
      try (Cache<String, String> reopened =
          DiskTesting.strings(DiskChildMain.CACHE_NAME, dataDir, InstantSource.system()).create()) {
        for (String key : acknowledged) {
          assertThat(reopened.get(key)).as("acknowledged %s after round %d", key, round)
              .contains(DiskChildMain.valueOf(key));
        }
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS);
  }
}
