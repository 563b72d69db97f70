package dev.vela.topology.partitioned;

import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The channel of node "a" in a cluster of "a" and "b", without a network: each test answers the
 * calls to "b" its own way.
 */
abstract class TwoNodeChannel implements CacheChannel {
  private final Duration rpcTimeout;

  TwoNodeChannel(Duration rpcTimeout) {
    this.rpcTimeout = rpcTimeout;
  }

  @Override
  public String self() {
    return "a";
  }

  @Override
  public List<String> members() {
    return List.of("a", "b");
  }

  @Override
  public Duration rpcTimeout() {
    return rpcTimeout;
  }

  @Override
  public Map<String, byte[]> callOthers(byte[] request) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public void awaitMembers(RequiredMembers required, Duration timeout) {}

  @Override
  public void close() {}
}
