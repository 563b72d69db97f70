package dev.vela.backend.redis;

import dev.vela.backend.BackendWriteContract;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.time.InstantSource;

/** The conditional write contract, run against the Redis backend on a real Redis Cluster of 3 shards. */
class RedisClusterBackendWriteTest extends BackendWriteContract {

  @Override
  protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
    return RedisTesting.clusterBackend(RedisTesting.uniqueName("cluster-write"), LocalRedisCluster.shared().nodes(),
        clock, listener, error -> {
          throw new AssertionError("nothing written by this test fails to decode", error);
        });
  }
}
