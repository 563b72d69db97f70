package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Caches of one URL share one connection, closed with the last of them. */
class SharedConnectionsTest {
  private static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void cachesOfOneUrlShareAConnectionUntilTheLastCloses() {
    int before = SharedConnections.open();
    Cache<String, String> first = RedisTesting.strings(RedisTesting.uniqueName("first"), server.url()).create();
    Cache<String, String> second = RedisTesting.strings(RedisTesting.uniqueName("second"), server.url()).create();
    Cache<String, String> otherDatabase = RedisTesting.strings(RedisTesting.uniqueName("db1"), server.url() + "/1").create();
    try {
      assertThat(SharedConnections.open()).isEqualTo(before + 2);

      first.close();
      second.put("k", "still connected");
      assertThat(second.get("k")).contains("still connected");
      assertThat(otherDatabase.get("k")).isEmpty();
    } finally {
      second.close();
      otherDatabase.close();
    }
    assertThat(SharedConnections.open()).isEqualTo(before);
  }

  @Test
  void closingACacheTwiceReleasesItsConnectionOnce() {
    int before = SharedConnections.open();
    Cache<String, String> kept = RedisTesting.strings(RedisTesting.uniqueName("kept"), server.url()).create();
    Cache<String, String> closedTwice = RedisTesting.strings(RedisTesting.uniqueName("twice"), server.url()).create();

    closedTwice.close();
    closedTwice.close();

    kept.put("k", "v");
    assertThat(kept.get("k")).contains("v");
    kept.close();
    assertThat(SharedConnections.open()).isEqualTo(before);
  }
}
