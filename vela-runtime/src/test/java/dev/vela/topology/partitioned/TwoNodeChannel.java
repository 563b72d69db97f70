package dev.vela.topology.partitioned;

import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The channel of node "a" in a cluster of "a" and "b" (or of "a" and the members a test names),
 * without a network: each test answers the calls to the others its own way.
 */
abstract class TwoNodeChannel implements CacheChannel {
  private final Duration rpcTimeout;
  private final List<String> members;

  TwoNodeChannel(Duration rpcTimeout) {
    this(rpcTimeout, List.of("a", "b"));
  }

  /** The channel of "a" among {@code members}, which include "a". */
  TwoNodeChannel(Duration rpcTimeout, List<String> members) {
    this.rpcTimeout = rpcTimeout;
    this.members = List.copyOf(members);
  }

  @Override
  public String self() {
    return "a";
  }

  @Override
  public List<String> members() {
    return members;
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
