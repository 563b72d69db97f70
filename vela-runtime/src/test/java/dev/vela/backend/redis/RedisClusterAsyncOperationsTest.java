package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.testing.ManualClock;

/** The asynchronous calls on a LOCAL REDIS cache on a real Redis Cluster of 3 shards: scripts bucket by bucket. */
class RedisClusterAsyncOperationsTest extends AsyncOperationsContract {

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    String name = RedisTesting.uniqueName("cluster-async");
    return RedisTesting.onCluster(TypeCodec.of("java.lang.Long", Codecs.LONG), name, LocalRedisCluster.shared().nodes())
        .clock(clock)
        .create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return true;
  }
}
