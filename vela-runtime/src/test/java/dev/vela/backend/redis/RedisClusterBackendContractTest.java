package dev.vela.backend.redis;

import dev.vela.backend.BackendContractTest;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.time.InstantSource;

/** The backend contract, run against the Redis backend on a real Redis Cluster of 3 shards. */
class RedisClusterBackendContractTest extends BackendContractTest {

  @Override
  protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
    return RedisTesting.clusterBackend(RedisTesting.uniqueName("cluster-contract"), LocalRedisCluster.shared().nodes(),
        clock, listener, error -> {
          throw new AssertionError("nothing written by this test fails to decode", error);
        });
  }

  /** On a cluster {@code putAll} is whole per bucket: one script per bucket, buckets on different shards. */
  @Override
  protected String[] atomicPair() {
    return new String[] {"a", sameBucketAs((RedisBackend<String, String>) backend, "a")};
  }

  private static String sameBucketAs(RedisBackend<String, String> redis, String key) {
    int bucket = redis.keys().bucketOf(redis.idOf(key));
    for (int i = 0; ; i++) {
      String other = "other" + i;
      if (redis.keys().bucketOf(redis.idOf(other)) == bucket) {
        return other;
      }
    }
  }
}
