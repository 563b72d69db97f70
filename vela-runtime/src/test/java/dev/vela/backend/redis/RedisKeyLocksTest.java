package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.testing.Concurrently;
import dev.vela.testing.ManualClock;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transaction locks in Redis: leased, released by their holder only, and given up on at the lease. */
class RedisKeyLocksTest {
  private static final String OUR_PROCESS = Long.toString(ProcessHandle.current().pid());
  private static LocalRedisServer server;
  private RedisBackend<String, String> backend;
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
  void open() {
    backend = RedisTesting.backend(RedisTesting.uniqueName("locks"), server.url(), new ManualClock(),
        (key, value, cause) -> { }, error -> {
          throw new AssertionError(error);
        });
    raw = new RawRedis(server.url());
  }

  @AfterEach
  void close() {
    backend.close();
    raw.close();
  }

  private String lockOf(String key) {
    return backend.keys().prefix() + "k:" + backend.idOf(key);
  }

  /** A lock as a process that died while holding it would have left it. */
  private void lockAsDeadProcess(String key, Duration left) {
    raw.commands().set(lockOf(key), "999999/dead", SetArgs.Builder.px(left.toMillis()));
  }

  @Test
  void aTransactionHoldsItsLocksInRedisAndReleasesThem() {
    try (Cache<String, String> cache = RedisTesting.strings(RedisTesting.uniqueName("tx"), server.url()).create()) {
      RedisKeyLocks<String> locks = new RedisKeyLocks<>(backend, "locks", RedisKeyLocks.LEASE);
      String holder = locks.exclusively(List.of("a", "b"), () -> raw.commands().get(lockOf("b")));

      assertThat(holder).startsWith(OUR_PROCESS + "/");
      assertThat(raw.commands().exists(lockOf("a"), lockOf("b"))).isZero();
      String inTransaction = cache.transaction(List.of("k"), tx -> {
        tx.put("k", "v");
        return raw.commands().get(new RedisKeys(cache.name()).prefix() + "k:" + backend.idOf("k"));
      });
      assertThat(inTransaction).as("the cache's own lock during its transaction").startsWith(OUR_PROCESS + "/");
    }
  }

  @Test
  void aLockLeftByADeadProcessHoldsATransactionUpUntilItExpires() {
    lockAsDeadProcess("b", Duration.ofMillis(300));
    RedisKeyLocks<String> locks = new RedisKeyLocks<>(backend, "locks", RedisKeyLocks.LEASE);

    String holderDuringWork = locks.exclusively(List.of("a", "b"), () -> raw.commands().get(lockOf("b")));

    assertThat(holderDuringWork).startsWith(OUR_PROCESS + "/");
  }

  @Test
  void aLockHeldLongerThanTheLeaseFailsTheTransactionWithoutRunningIt() {
    lockAsDeadProcess("b", Duration.ofSeconds(30));
    RedisKeyLocks<String> locks = new RedisKeyLocks<>(backend, "locks", Duration.ofMillis(200));
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(() -> locks.exclusively(List.of("a", "b"), () -> ran.getAndSet(true)))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("could not lock 2 key(s) for a transaction within 200ms")
        .hasMessageContaining("process 999999");
    assertThat(ran).isFalse();
    assertThat(raw.commands().exists(lockOf("a"))).as("no lock taken on the free key").isZero();
  }

  @Test
  void aTransactionThatOutlivesItsLeaseIsToldSo() {
    RedisKeyLocks<String> locks = new RedisKeyLocks<>(backend, "locks", Duration.ofMillis(100));

    assertThatThrownBy(() -> locks.exclusively(List.of("a"), () -> {
      Concurrently.await(Duration.ofSeconds(10), "the lease ran out", () -> raw.commands().exists(lockOf("a")) == 0);
      lockAsDeadProcess("a", Duration.ofSeconds(30)); // another process took the key meanwhile
      return null;
    })).isInstanceOf(VelaException.class).hasMessageContaining("ran longer than its lease of 100ms");
    assertThat(raw.commands().get(lockOf("a"))).as("the other's lock is left alone").isEqualTo("999999/dead");
  }

  @Test
  void aFailingTransactionReleasesItsLocks() {
    RedisKeyLocks<String> locks = new RedisKeyLocks<>(backend, "locks", RedisKeyLocks.LEASE);

    assertThatThrownBy(() -> locks.exclusively(List.of("a"), () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(raw.commands().exists(lockOf("a"))).isZero();
  }
}
