package dev.vela.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The endpoints of the caches that run on one node, and the requests that arrive for them. Each
 * request goes to its cache's endpoint, or is parked until that cache starts here (at most twice
 * the rpcTimeout, by when its sender has given up): a node may hear of a cache, say one that closed
 * and starts again, before the cache is back. A probe, a question that only a running cache can
 * answer, is not parked: a node where the cache does not run answers it at once with an empty
 * reply, which no cache sends.
 *
 * <p>Calls arrive in {@link CallFrames}, each with its cache's name and whether it is a probe.
 */
final class CacheEndpoints {
  private static final byte[] NOT_RUNNING = new byte[0];

  private final Map<String, CacheEndpoint> endpoints = new ConcurrentHashMap<>();
  private final PendingRequests pending = new PendingRequests();
  private final Executor replays;
  private final long parkNanos;

  /** Endpoints whose parked requests are handed over on {@code replays}, parked at most twice {@code rpcTimeout}. */
  CacheEndpoints(Executor replays, Duration rpcTimeout) {
    this.replays = replays;
    this.parkNanos = rpcTimeout.toNanos() * 2;
  }

  /** True when {@code reply} says that the cache asked does not run on the node that sent it. */
  static boolean saysNotRunning(byte[] reply) {
    return reply == null || reply.length == 0;
  }

  /** Adds the endpoint of {@code cacheName}; false when that cache runs here already. */
  boolean add(String cacheName, CacheEndpoint endpoint) {
    return endpoints.putIfAbsent(cacheName, endpoint) == null;
  }

  /** Hands {@code endpoint} the requests parked for {@code cacheName} whose senders may still listen. */
  void replayParked(String cacheName, CacheEndpoint endpoint) {
    for (PendingRequests.Pending request : pending.takeFor(cacheName, System.nanoTime())) {
      replays.execute(() -> endpoint.handle(request.from(), request.payload(), request.reply()));
    }
  }

  void remove(String cacheName) {
    endpoints.remove(cacheName);
  }

  /** The endpoints of the caches that run here now. */
  Collection<CacheEndpoint> all() {
    return endpoints.values();
  }

  /**
   * Answers a call of {@code cacheName} from {@code from} now if its endpoint can do so without
   * waiting ({@link CacheEndpoint#answerNow}), or a probe of a cache that does not run here; false,
   * with nothing done, for the calls that go to {@link #dispatch} on another thread.
   */
  boolean answerNow(String from, String cacheName, boolean probe, byte[] payload, Consumer<byte[]> reply) {
    CacheEndpoint endpoint = endpoints.get(cacheName);
    if (endpoint != null) {
      return endpoint.answerNow(from, payload, reply);
    }
    if (probe) {
      reply.accept(NOT_RUNNING);
      return true;
    }
    return false;
  }

  /**
   * Hands a call of {@code cacheName} from {@code from} to its endpoint, parks it until that cache
   * starts, or, for a probe of a cache that does not run here, answers it at once.
   */
  void dispatch(String from, String cacheName, boolean probe, byte[] payload, Consumer<byte[]> reply) {
    CacheEndpoint endpoint = endpoints.get(cacheName);
    if (endpoint != null) {
      endpoint.handle(from, payload, reply);
      return;
    }
    if (probe) {
      reply.accept(NOT_RUNNING); // the cache tells the asker itself when it starts here
      return;
    }
    pending.add(cacheName, new PendingRequests.Pending(from, payload, reply, System.nanoTime() + parkNanos));
    CacheEndpoint late = endpoints.get(cacheName);
    if (late != null) { // added while we parked it: hand it over now
      replayParked(cacheName, late);
    }
  }
}
