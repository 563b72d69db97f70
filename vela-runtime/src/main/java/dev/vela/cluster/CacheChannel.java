package dev.vela.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One cache's line to the same cache on the other nodes of its cluster. Requests and replies are
 * the topology's own bytes; this channel adds the cache's name, so one JGroups channel carries
 * every cache of a JVM.
 *
 * <p>Not API: the runtime's clustered topologies use it, and it may change in any release.
 */
public interface CacheChannel extends AutoCloseable {

  /** This node's member name. */
  String self();

  /** The members of the current view, this node included, in the coordinator's order. */
  List<String> members();

  /** How long a call may take unless told otherwise: the {@code rpcTimeout} option. */
  Duration rpcTimeout();

  /**
   * Sends {@code request} to {@code member} and completes with its reply. It completes
   * exceptionally with a {@link dev.vela.VelaException} when the member is not in the view, has
   * left or crashed, or did not answer within {@code timeout}.
   */
  CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout);

  /**
   * Asks {@code member} a question that only a node running this cache can answer, such as
   * whether it does: like {@link #call}, except that a node where the cache does not run answers
   * at once, with a {@link dev.vela.VelaException}, where a call would wait there for the cache to
   * start. Fit for questions whose asker hears from the cache anyway when it starts there.
   */
  default CompletableFuture<byte[]> probe(String member, byte[] request, Duration timeout) {
    return call(member, request, timeout);
  }

  /**
   * Waits, at most {@code timeout}, until every call this node has read from the network so far has
   * been handed to its cache; false when the time ran out. A cache that leaves waits so once the
   * others have answered its goodbye: a node's calls are read in the order it sent them, so those it
   * sent before its answer have all reached the cache, and none is refused as the cache closes. The
   * default, for a channel that hands calls over as it reads them, returns true at once.
   */
  default boolean awaitCallsReceived(Duration timeout) {
    return true;
  }

  /**
   * Sends {@code request} to every other member and waits for all replies, at most the rpcTimeout.
   *
   * @return each member's reply, by member name
   * @throws dev.vela.VelaException naming the members that did not answer
   */
  Map<String, byte[]> callOthers(byte[] request);

  /**
   * Waits, at most {@code timeout}, until {@code required} members are in the view.
   *
   * @throws dev.vela.VelaException naming the members that could not be reached
   */
  void awaitMembers(RequiredMembers required, Duration timeout);

  /** What {@code inspect()} shows of the node under this channel, such as {@code cluster.formation}. */
  default Map<String, String> details() {
    return Map.of();
  }

  /** Stops receiving requests for this cache; releases a shared cluster when its last cache leaves. */
  @Override
  void close();
}
