package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.VelaException;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.testing.Concurrently;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A near cache in front of the REDIS backend hears of every change through Redis client tracking:
 * writes by another cache, another connection or another process, flushes, tag invalidations and
 * lost connections.
 */
class RedisNearCacheTest {
  private static final Duration CONVERGES = Duration.ofSeconds(10);
  private static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static Cache<String, String> near(String name) {
    return RedisTesting.strings(name, server.url()).nearCache(true).create();
  }

  private static Cache<String, String> plain(String name) {
    return RedisTesting.strings(name, server.url()).create();
  }

  private static void awaitRead(Cache<String, String> cache, String key, String expected) {
    Concurrently.await(CONVERGES, key + " reads " + expected,
        () -> expected == null ? cache.get(key).isEmpty() : cache.get(key).filter(expected::equals).isPresent());
  }

  /**
   * Reads {@code key} until the L1 answers: Redis also reports the cache's own writes, and such a
   * report may arrive just after a read filled the L1, and empty it again.
   */
  private static void awaitKeptInL1(Cache<String, String> cache, String key, String expected) {
    Concurrently.await(CONVERGES, key + " is answered by the L1", () -> {
      long before = cache.stats().l1Hits();
      assertThat(cache.get(key)).hasValue(expected);
      return cache.stats().l1Hits() > before;
    });
  }

  @Test
  void aReadIsKeptInTheL1AndAnotherCachesWriteRemovesIt() {
    String name = RedisTesting.uniqueName("near-write");
    try (Cache<String, String> reader = near(name); Cache<String, String> writer = plain(name)) {
      writer.put("k", "v1");
      awaitKeptInL1(reader, "k", "v1");

      writer.put("k", "v2");

      awaitRead(reader, "k", "v2");
    }
  }

  @Test
  void aKeyDeletedBehindTheCachesBackIsForgotten() {
    String name = RedisTesting.uniqueName("near-raw");
    try (Cache<String, String> reader = near(name); RawRedis raw = new RawRedis(server.url())) {
      reader.put("k", "v");
      awaitKeptInL1(reader, "k", "v");

      List<String> entryKeys = raw.commands().keys("vela:{" + name + "}:e:*");
      assertThat(entryKeys).hasSize(1);
      raw.commands().del(entryKeys.get(0));

      awaitRead(reader, "k", null);
    }
  }

  @Test
  void deleteFlushAndTagInvalidationByAnotherCacheReachTheL1() {
    String name = RedisTesting.uniqueName("near-wide");
    try (Cache<String, String> reader = near(name); Cache<String, String> writer = plain(name)) {
      writer.put("deleted", "d");
      writer.put("tagged", "t", PutOptions.tags("green"));
      writer.put("flushed", "f");
      awaitKeptInL1(reader, "deleted", "d");
      awaitKeptInL1(reader, "tagged", "t");
      awaitKeptInL1(reader, "flushed", "f");

      writer.delete("deleted");
      awaitRead(reader, "deleted", null);
      writer.invalidateTag("green");
      awaitRead(reader, "tagged", null);
      writer.flush();
      awaitRead(reader, "flushed", null);
    }
  }

  @Test
  void conditionalWritesAndBulkDeletesOfAnotherProcessReachTheL1() {
    String name = RedisTesting.uniqueName("near-conditional");
    try (Cache<String, String> reader = near(name);
        RedisBackend<String, String> writer = RedisTesting.backend(name, server.url(), java.time.Clock.systemUTC(),
            (key, value, cause) -> { }, error -> {
              throw new AssertionError(error);
            })) {
      for (String key : List.of("swapped", "claimed", "taken", "expired", "bulk")) {
        writer.put(key, "old", StoredEntry.NO_EXPIRY, Set.of());
        awaitKeptInL1(reader, key, "old");
      }

      writer.write("swapped", WriteCondition.valueEquals("old"),
          EntryUpdate.put("new", StoredEntry.NO_EXPIRY, Set.of()));
      awaitRead(reader, "swapped", "new");
      writer.write("claimed", WriteCondition.always(), new EntryUpdate.Put<>("new", 0, Set.of(), true, true));
      awaitRead(reader, "claimed", "new");
      writer.write("taken", WriteCondition.present(), EntryUpdate.delete());
      awaitRead(reader, "taken", null);
      writer.write("expired", WriteCondition.present(), new EntryUpdate.Expire<>(System.currentTimeMillis() - 1));
      awaitRead(reader, "expired", null);
      writer.deleteAll(List.of("bulk"));
      awaitRead(reader, "bulk", null);
    }
  }

  @Test
  void aLostConnectionClearsTheL1AndTrackingResumesAfterTheReconnect() {
    String name = RedisTesting.uniqueName("near-reconnect");
    try (Cache<String, String> reader = near(name)) {
      reader.put("k", "v1");
      awaitKeptInL1(reader, "k", "v1");

      server.stop();
      try {
        Concurrently.await(CONVERGES, "the cache sees that Redis is gone", () -> failsToRead(reader));
      } finally {
        server.startAgain();
      }
      Concurrently.await(Duration.ofSeconds(20), "tracking is on again", () -> tracksAgain(reader));
      // the restarted server lost every entry: a value still in the L1 would show here
      assertThat(reader.get("k")).isEmpty();

      try (Cache<String, String> writer = plain(name)) {
        writer.put("k", "v2");
        awaitKeptInL1(reader, "k", "v2");
        writer.put("k", "v3");
        awaitRead(reader, "k", "v3");
      }
    }
  }

  private static boolean tracksAgain(Cache<String, String> cache) {
    try {
      return "true".equals(cache.inspect().details().get("nearCache.feedsLive"));
    } catch (VelaException stillReconnecting) {
      return false;
    }
  }

  private static boolean failsToRead(Cache<String, String> cache) {
    try {
      cache.exists("other");
      return false;
    } catch (VelaException expected) {
      return true;
    }
  }

  @Test
  void aWriteByAnotherProcessReachesTheL1AndTheStaleWindowIsMeasured() throws Exception {
    String name = RedisTesting.uniqueName("near-process");
    Process child = startWriter(name);
    try (Cache<String, String> reader = near(name);
        BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter childIn = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
      assertThat(childOut.readLine()).isEqualTo("ready");
      int writes = 30;
      long[] windowsMicros = new long[writes];
      for (int i = 0; i < writes; i++) {
        String key = "k" + i;
        reader.put(key, "old");
        awaitKeptInL1(reader, key, "old");

        childIn.println(key + " new");
        assertThat(childOut.readLine()).isEqualTo("ok");
        long acknowledged = System.nanoTime();
        awaitRead(reader, key, "new");
        windowsMicros[i] = (System.nanoTime() - acknowledged) / 1_000;
      }
      Arrays.sort(windowsMicros);
      System.out.printf("near cache, REDIS, two processes: stale window after an acknowledged write: median %d us,"
          + " max %d us over %d writes%n", windowsMicros[writes / 2], windowsMicros[writes - 1], writes);
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    assertThat(child.exitValue()).isZero();
  }

  private static Process startWriter(String name) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(
        List.of(java.toString(), "-cp", classPath, NearWriterChild.class.getName(), server.url(), name));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
