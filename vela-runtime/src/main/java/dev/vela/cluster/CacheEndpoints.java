package dev.vela.cluster;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jgroups.Message;
import org.jgroups.blocks.RequestHandler;
import org.jgroups.blocks.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of the caches that run on one node, and the requests that arrive for them. Each
 * request goes to its cache's endpoint, or is parked until that cache starts here (at most twice
 * the rpcTimeout, by when its sender has given up): a node may hear of a cache, say one that closed
 * and starts again, before the cache is back. A probe, a question that only a running cache can
 * answer, is not parked: a node where the cache does not run answers it at once with an empty
 * reply, which no cache sends.
 *
 * <p>Every request travels in one frame: the cache's name, whether it is a probe, then the cache's
 * own bytes.
 */
final class CacheEndpoints implements RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CacheEndpoints.class);
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

  /** The frame of {@code payload} for {@code cacheName}, a probe or not. */
  static byte[] frame(String cacheName, boolean probe, byte[] payload) {
    CodecOutput out = new CodecOutput(payload.length + cacheName.length() + 9);
    out.writeString(cacheName);
    out.writeBoolean(probe);
    out.writeRaw(payload, 0, payload.length);
    return out.toByteArray();
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

  @Override
  public Object handle(Message message) {
    throw new UnsupportedOperationException("requests are answered asynchronously");
  }

  @Override
  public void handle(Message message, Response response) {
    byte[] bytes = message.getArray();
    CodecInput in = new CodecInput(bytes, message.getOffset(), message.getLength());
    String cacheName;
    boolean probe;
    try {
      cacheName = in.readString();
      probe = in.readBoolean();
    } catch (RuntimeException e) {
      LOG.warn("dropped a cluster request that does not start with a cache name and a kind", e);
      return;
    }
    int end = message.getOffset() + message.getLength();
    byte[] payload = Arrays.copyOfRange(bytes, end - in.remaining(), end);
    String from = String.valueOf(message.getSrc());
    Consumer<byte[]> reply = answer -> response.send(answer, false);
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
