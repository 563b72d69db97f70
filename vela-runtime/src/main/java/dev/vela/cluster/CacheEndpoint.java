package dev.vela.cluster;

import java.util.List;
import java.util.function.Consumer;

/**
 * The part of a clustered cache that other nodes talk to. A topology implements it and registers
 * it with {@link VelaCluster#join}; requests for the cache arrive here, and so do membership views.
 */
public interface CacheEndpoint {

  /**
   * Answers a request from {@code from}. It must call {@code reply} exactly once, now or later
   * (a request may wait for something, such as another node's fetch); a caller that hears
   * nothing within its timeout gives up. It must not throw: errors travel as reply bytes.
   */
  void handle(String from, byte[] request, Consumer<byte[]> reply);

  /**
   * The cluster's members changed: {@code members} in the coordinator's order, this node included.
   * Called in order, one view at a time, off the network threads.
   */
  void membersChanged(List<String> members);

  /**
   * Views that formed apart (a network partition, or a node that was stopped long enough to be
   * excluded and then went on) have merged into {@code members}. {@code otherSides} are the
   * members of each view that merged in other than this node's own: while apart, they may have
   * taken writes this node has not seen, whether or not this node noticed the split. Called in
   * place of {@link #membersChanged}; by default the same.
   */
  default void membersMerged(List<String> members, List<List<String>> otherSides) {
    membersChanged(members);
  }
}
