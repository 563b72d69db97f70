package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durability under SIGKILL: a child JVM writes from four threads and prints each key once its put
 * has returned; the test kills it mid-write, at a random point (sometimes during a checkpoint of
 * the store), reopens the store and finds every printed key with its value, and no key the child
 * never wrote. With the default {@code fsync} a put is acknowledged once the operating system has
 * its log record, with {@code always} once it is forced: either way it survives the process.
 */
class DiskCrashTest {
  private static final int ROUNDS = 10;
  private static final int MOST_LINES_BEFORE_KILL = 6_000;
  private static final Duration LINE_DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  @ParameterizedTest(name = "fsync={0}")
  @ValueSource(strings = {"1s", "always"})
  void everyAcknowledgedWriteSurvivesAKillInTheMiddleOfWriting(String fsync) throws Exception {
    Random random = new Random(42);
    Set<String> acknowledged = new LinkedHashSet<>();
    Map<String, Integer> highestPerWriter = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 1 + random.nextInt(MOST_LINES_BEFORE_KILL);
      try (ChildJvm child = ChildJvm.start("write", dataDir.toString(), "r" + round, fsync)) {
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
      acknowledged.forEach(key -> highestPerWriter.merge(writerOf(key), indexOf(key), Math::max));
      var builder =
          DiskTesting.strings(DiskChildMain.CACHE_NAME, dataDir, InstantSource.system()).option("fsync", fsync);
      try (Cache<String, String> reopened = builder.create()) {
        for (String key : acknowledged) {
          assertThat(reopened.get(key)).as("acknowledged %s after round %d", key, round)
              .contains(DiskChildMain.valueOf(key));
        }
        int finalRound = round;
        reopened.stream().forEach(entry -> {
          String key = entry.key();
          assertThat(entry.value()).as("value of %s after round %d", key, finalRound)
              .isEqualTo(DiskChildMain.valueOf(key));
          // each writer has at most one put under way that it has not printed yet
          assertThat(indexOf(key)).as("%s was written, after round %d", key, finalRound)
              .isLessThanOrEqualTo(highestPerWriter.getOrDefault(writerOf(key), -1) + 1);
        });
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS);
  }

  /** {@code r3-2} of key {@code r3-2-17}: the round and thread that wrote it. */
  private static String writerOf(String key) {
    return key.substring(0, key.lastIndexOf('-'));
  }

  private static int indexOf(String key) {
    return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
  }
}
