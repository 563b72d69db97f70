package dev.vela.backend.redis;

import dev.vela.Cache;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.core.AtomicOperationsContract;
import dev.vela.testing.ManualClock;

/** The atomic operations contract on a LOCAL REDIS cache on a real Redis Cluster of 3 shards. */
class RedisClusterAtomicOperationsTest extends AtomicOperationsContract {

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    String name = RedisTesting.uniqueName("cluster-atomic");
    return RedisTesting.onCluster(TypeCodec.of("java.lang.Long", Codecs.LONG), name, LocalRedisCluster.shared().nodes())
        .clock(clock)
        .create();
  }

  /** Every operation is a round trip here: fewer rounds keep the races to seconds. */
  @Override
  protected int rounds() {
    return 500;
  }
}
