package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While Redis is down, calls fail within the timeout and say why; once it is back, the cache works again. */
class RedisOutageTest {
  /** Far above the 500 ms timeout the caches use: an upper bound for a loaded machine, not a speed. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  private LocalRedisServer server;

  @BeforeEach
  void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void callsFailWhileRedisIsDownAndWorkOnceItIsBack() throws Exception {
    try (Cache<String, String> cache = RedisTesting.strings(RedisTesting.uniqueName("outage"), server.url())
        .option("timeout", "500ms")
        .create()) {
      cache.put("k", "before");
      AtomicInteger failures = new AtomicInteger();
      CountDownLatch loadRuns = new CountDownLatch(4);
      CountDownLatch stopped = new CountDownLatch(1);

      Concurrently.run(5, Duration.ofSeconds(60), thread -> {
        if (thread == 0) {
          loadRuns.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
          server.stop();
          stopped.countDown();
          return;
        }
        loadRuns.countDown();
        // keep calling until the stop, then a few calls more that must each fail within the bound
        int callsAfterStop = 0;
        for (int i = 0; callsAfterStop < 3 && i < 1_000_000; i++) {
          boolean down = stopped.getCount() == 0;
          long start = System.nanoTime();
          try {
            cache.put("k" + thread, "v" + i);
            cache.get("k" + thread);
          } catch (VelaException e) {
            assertThat(e).hasMessageContaining("Redis at " + server.url() + " is unreachable");
            failures.incrementAndGet();
          }
          assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
          if (down) {
            callsAfterStop++;
          }
        }
      });
      assertThat(failures).hasPositiveValue();
      assertThatThrownBy(() -> cache.get("k"))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("Redis at " + server.url() + " is unreachable");

      server.startAgain();

      awaitWorking(cache);
      assertThat(cache.get("k")).as("a restarted server without persistence is empty").isEmpty();
      cache.put("k", "after");
      assertThat(cache.get("k")).contains("after");
    }
  }

  @Test
  void startingWithoutRedisFailsNamingTheUrlWithoutItsPassword() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "redis://user:s3cret@127.0.0.1:" + closedPort + "/2";

    assertThatThrownBy(() -> RedisTesting.strings(RedisTesting.uniqueName("nowhere"), url)
            .option("timeout", "500ms")
            .create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("Redis at redis://127.0.0.1:" + closedPort + "/2 is unreachable")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void wrongCredentialsAreRefusedNotUnreachable() {
    String url = "redis://intruder:guess@127.0.0.1:" + server.port();

    assertThatThrownBy(() -> RedisTesting.strings(RedisTesting.uniqueName("refused"), url).create())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("Redis at redis://127.0.0.1:" + server.port() + " refused the connection")
        .hasMessageContaining("check the user, password and database")
        .hasMessageNotContaining("guess");
  }

  private static void awaitWorking(Cache<String, String> cache) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        cache.size();
        return;
      } catch (VelaException stillDown) {
        assertThat(System.nanoTime()).as("the cache works again within 30 s of the restart").isLessThan(deadline);
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the reconnect runs in the background
      }
    }
  }
}
