package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import dev.vela.testing.TestCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Calls on Redis that gets no answer end within their one {@code timeout}, however many commands
 * they send: a count or a tag invalidation over every bucket of a cluster whose shard is held
 * back waits for all its replies together, not for each in turn, and opening a cache on a server
 * that accepts connections but never answers fails after about the timeout, not after Lettuce's
 * default of a minute.
 */
class RedisDeadlinesTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  /** How long the shard holds every client back: far past the timeout, so only the deadline can end a call. */
  private static final long PAUSE_MILLIS = 3_000;
  /** What a call may take: its timeout, and the rest for a loaded machine; well under the pause. */
  private static final Duration BOUND = Duration.ofMillis(1_500);

  @Test
  void callsOverEveryBucketOfAClusterEndWithinOneTimeoutWhileAShardDoesNotAnswer() {
    LocalRedisCluster cluster = LocalRedisCluster.shared();
    String name = RedisTesting.uniqueName("cluster-deadline");
    try (Cache<String, String> cache = RedisTesting.onCluster(TestCodecs.string(), name, cluster.nodes())
            .option("timeout", TIMEOUT.toMillis() + "ms").create();
        RawRedis shard = new RawRedis(cluster.primaries().get(0).url())) {
      for (int i = 0; i < 300; i++) {
        cache.put("k" + i, "v");
      }
      shard.commands().clientPause(PAUSE_MILLIS);
      try {
        // a third of the 256 buckets are on the held-back shard: one timeout each would take 25 s
        assertFailsWithinBound("size", cache::size);
        assertFailsWithinBound("invalidateTag", () -> cache.invalidateTag("t"));
      } finally {
        Concurrently.await(Duration.ofSeconds(30), "the shard answers again", () -> answers(cache));
      }
      assertThat(cache.size()).isEqualTo(300);
    }
  }

  private static void assertFailsWithinBound(String call, Supplier<Long> work) {
    long start = System.nanoTime();
    assertThatThrownBy(work::get).as(call).isInstanceOf(VelaException.class).hasMessageContaining("is unreachable")
        .hasMessageContaining("(" + TIMEOUT.toMillis() + " ms)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s failed by its deadline", call)
        .isLessThan(BOUND);
  }

  private static boolean answers(Cache<String, String> cache) {
    try {
      cache.size();
      return true;
    } catch (VelaException stillHeldBack) {
      return false;
    }
  }

  @Test
  void openingACacheOnAServerThatNeverAnswersFailsAfterAboutTheTimeout() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        // accepts and reads, never answers, until the test closes the socket
        while (!silent.isClosed()) {
          try {
            Socket client = silent.accept();
            synchronized (accepted) {
              accepted.add(client);
            }
            Thread drain = new Thread(() -> drain(client), "silent redis reader");
            drain.setDaemon(true);
            drain.start();
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent redis");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "redis://127.0.0.1:" + silent.getLocalPort();
      long start = System.nanoTime();
      assertThatThrownBy(() -> RedisTesting.strings(RedisTesting.uniqueName("silent"), url)
              .option("timeout", TIMEOUT.toMillis() + "ms").create())
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("Redis at " + url + " is unreachable");
      // the connection's handshake waits the timeout, where it used to wait Lettuce's minute
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    } finally {
      synchronized (accepted) {
        for (Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }

  private static void drain(Socket client) {
    try (InputStream in = client.getInputStream()) {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // what the client sends is never answered
      }
    } catch (IOException closed) {
      // the test closed the socket
    }
  }
}
