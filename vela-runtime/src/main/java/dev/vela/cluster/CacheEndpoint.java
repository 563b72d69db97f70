package dev.vela.cluster;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of a clustered cache that other nodes talk to. A topology implements it and registers
 * it with {@link VelaCluster#join}; requests for the cache arrive here, and so do membership views.
 *
 * <p>Not API: the runtime's clustered topologies use it, and it may change in any release.
 */
public interface CacheEndpoint {

  /**
   * Answers a request from {@code from}. It must call {@code reply} exactly once, now or later
   * (a request may wait for something, such as another node's fetch); a caller that hears
   * nothing within its timeout gives up. It must not throw: errors travel as reply bytes.
   */
  void handle(String from, byte[] request, Consumer<byte[]> reply);

  /**
   * Answers a request from {@code from} now, on the thread that read it from the network, if that
   * provably cannot wait for anything (no lock another thread may hold while it waits for a reply,
   * no other node, no loader, no slow store), calling {@code reply} before it returns true; or
   * returns false, having done nothing, and the request goes on to {@link #handle} on another
   * thread. A request answered here spares a thread hand-off; one that waited here would hold up
   * every reply that comes on that connection, the ones its own wait needs among them. The default
   * answers nothing now. It must not throw.
   */
  default boolean answerNow(String from, byte[] request, Consumer<byte[]> reply) {
    return false;
  }

  /**
   * The cluster's members changed: {@code members} in the coordinator's order, this node included.
   * Called in order, one view at a time, off the network threads.
   */
  void membersChanged(List<String> members);

  /**
   * Views that had formed apart have merged, and each of {@code members} was in a view without
   * this node: it may have taken writes this node did not see, even if this node never saw a view
   * without it (it was stopped meanwhile). Called on the thread that delivers the merged view, as
   * soon as it comes and before {@link #membersChanged} hears of it, so it must return at once and
   * must not throw. The default does nothing.
   */
  default void apartFrom(Set<String> members) {}
}
