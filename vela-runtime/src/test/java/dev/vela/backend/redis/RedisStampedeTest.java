package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.FetchTimeoutException;
import dev.vela.codec.Codecs;
import dev.vela.testing.TestCodecs;
import io.lettuce.core.SetArgs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getOrFetch on a Redis cache fetches a missing key once across processes. */
class RedisStampedeTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static LocalRedisServer server;
  private RawRedis raw;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() {
    raw = new RawRedis(server.url());
  }

  @AfterEach
  void disconnect() {
    raw.close();
  }

  @Test
  void twoProcessesFetchAMissingKeyOnce() throws Exception {
    String name = RedisTesting.uniqueName("stampede");
    Process child = startChild(name, "k", 3);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url()).stampedeTimeout(BOUND).create();
        SlowFetcher fetcher = new SlowFetcher(server.url(), name)) {
      BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<List<String>> childLines = CompletableFuture.supplyAsync(() -> childOut.lines().toList());
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(callers.submit(() -> cache.getOrFetch("k", fetcher)));
      }
      // one fetch has begun; the process that runs it sends no SET while it fetches, so new SETs are the
      // other process trying the fetch lock: it waits behind the fetch
      awaitCounter(name, 1);
      long setsBefore = setCalls();
      awaitAtLeast("lock attempts of the waiting process", this::setCalls, setsBefore + 2);

      raw.commands().rpush(SlowFetcher.release(name), "go", "go", "go", "go", "go", "go");

      for (Future<String> call : calls) {
        assertThat(call.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fetched k");
      }
      assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("child ended").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(childLines.get(BOUND.toSeconds(), TimeUnit.SECONDS))
          .filteredOn(line -> line.startsWith("value="))
          .containsExactly("value=fetched k", "value=fetched k", "value=fetched k");
      assertThat(raw.commands().get(SlowFetcher.counter(name))).as("fetches in both processes").isEqualTo("1");
    } finally {
      callers.shutdownNow();
      child.destroyForcibly();
    }
  }

  @Test
  void aProcessThatDiesWhileFetchingHoldsOthersUpOnlyUntilItsLockExpires() throws Exception {
    String name = RedisTesting.uniqueName("dying");
    Process child = startChild(name, "k", 1, "die");
    try {
      assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("child ended").isTrue();
      assertThat(child.exitValue()).as("the child halted inside its fetch").isEqualTo(3);
      assertThat(raw.commands().get(SlowFetcher.counter(name))).isEqualTo("1");
    } finally {
      child.destroyForcibly();
    }
    AtomicInteger fetches = new AtomicInteger();
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url()).stampedeTimeout(BOUND).create()) {
      assertThat(cache.getOrFetch("k", key -> "fetched after " + fetches.incrementAndGet())).isEqualTo("fetched after 1");
    }
  }

  @Test
  void aLockLeftByADeadProcessHoldsOthersUpOnlyUntilItExpires() {
    String name = RedisTesting.uniqueName("dead-holder");
    // what a process that died while fetching leaves behind: its lock, with its expiry
    raw.commands().set(lockKey(name, "k"), "dead process", SetArgs.Builder.px(300));
    AtomicInteger fetches = new AtomicInteger();
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url()).stampedeTimeout(BOUND).create()) {
      assertThat(cache.getOrFetch("k", key -> "fetched after " + fetches.incrementAndGet())).isEqualTo("fetched after 1");
      assertThat(raw.commands().exists(lockKey(name, "k"))).as("the lock is released after the fetch").isZero();
    }
  }

  @Test
  void waitingForAnotherProcessEndsAtTheStampedeTimeout() {
    String name = RedisTesting.uniqueName("slow-holder");
    raw.commands().set(lockKey(name, "k"), "a slow process", SetArgs.Builder.px(BOUND.toMillis()));
    AtomicInteger fetches = new AtomicInteger();
    try (Cache<String, String> cache = RedisTesting.strings(name, server.url())
        .stampedeTimeout(Duration.ofMillis(300))
        .create()) {
      assertThatThrownBy(() -> cache.getOrFetch("k", key -> "fetched " + fetches.incrementAndGet()))
          .isInstanceOf(FetchTimeoutException.class)
          .hasMessageContaining("another process's fetch")
          .hasMessageContaining("stampedeTimeout");
      assertThat(fetches).hasValue(0);
    }
  }

  @Test
  void aValueStoredByAnotherProcessEndsTheWait() {
    String name = RedisTesting.uniqueName("stored-meanwhile");
    raw.commands().set(lockKey(name, "k"), "another process", SetArgs.Builder.px(BOUND.toMillis()));
    AtomicInteger fetches = new AtomicInteger();
    try (Cache<String, String> waiting = RedisTesting.strings(name, server.url()).stampedeTimeout(BOUND).create();
        Cache<String, String> other = RedisTesting.strings(name, server.url()).create()) {
      CompletableFuture<String> call = CompletableFuture.supplyAsync(
          () -> waiting.getOrFetch("k", key -> "fetched " + fetches.incrementAndGet()));
      other.put("k", "stored by the lock holder");

      assertThat(call).succeedsWithin(BOUND).isEqualTo("stored by the lock holder");
      assertThat(fetches).hasValue(0);
    }
  }

  private static String lockKey(String name, String key) {
    return "vela:{" + name + "}:l:" + RedisKeys.id(Codecs.encode(TestCodecs.STRING, key));
  }

  private void awaitCounter(String name, long atLeast) {
    awaitAtLeast("fetches", () -> {
      String count = raw.commands().get(SlowFetcher.counter(name));
      return count == null ? 0 : Long.parseLong(count);
    }, atLeast);
  }

  /** How many SET commands the server has run, from INFO commandstats. */
  private long setCalls() {
    for (String line : raw.commands().info("commandstats").split("\\R")) {
      if (line.startsWith("cmdstat_set:calls=")) {
        return Long.parseLong(line.substring("cmdstat_set:calls=".length(), line.indexOf(',')));
      }
    }
    return 0;
  }

  private static void awaitAtLeast(String what, LongSupplier count, long atLeast) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (count.getAsLong() < atLeast) {
      assertThat(System.nanoTime()).as("%s reached %d within %s", what, atLeast, BOUND).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  private static Process startChild(String name, String key, int threads, String... mode) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath, StampedeChild.class.getName(),
        server.url(), name, key, Integer.toString(threads)));
    command.addAll(List.of(mode));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
