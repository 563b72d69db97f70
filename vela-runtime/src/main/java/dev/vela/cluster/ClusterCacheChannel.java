package dev.vela.cluster;

import dev.vela.VelaException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One cache's registration on a {@link VelaCluster} node. */
final class ClusterCacheChannel implements CacheChannel {
  private final VelaCluster node;
  private final CallTransport transport;
  private final String cacheName;
  private boolean closed;

  /** Cache {@code cacheName} on {@code node}, whose calls go through {@code transport}. */
  ClusterCacheChannel(VelaCluster node, CallTransport transport, String cacheName) {
    this.node = node;
    this.transport = transport;
    this.cacheName = cacheName;
  }

  @Override
  public String self() {
    return node.localMember();
  }

  @Override
  public List<String> members() {
    return node.members();
  }

  @Override
  public Duration rpcTimeout() {
    return node.settings().rpcTimeout();
  }

  @Override
  public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
    return node.call(cacheName, member, request, timeout, false);
  }

  @Override
  public CompletableFuture<byte[]> probe(String member, byte[] request, Duration timeout) {
    return node.call(cacheName, member, request, timeout, true);
  }

  @Override
  public boolean awaitCallsReceived(Duration timeout) {
    return transport.awaitHandedOn(timeout);
  }

  @Override
  public Map<String, byte[]> callOthers(byte[] request) {
    Map<String, CompletableFuture<byte[]>> calls = new LinkedHashMap<>();
    for (String member : node.members()) {
      if (!member.equals(self())) {
        calls.put(member, call(member, request, rpcTimeout()));
      }
    }
    Map<String, byte[]> replies = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    VelaException first = null;
    for (Map.Entry<String, CompletableFuture<byte[]>> call : calls.entrySet()) {
      try {
        replies.put(call.getKey(), call.getValue().join());
      } catch (CompletionException e) {
        failures.add(call.getKey());
        if (first == null && e.getCause() instanceof VelaException vela) {
          first = vela;
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new VelaException(
          "cache '" + cacheName + "' could not reach " + failures + " for a cache-wide operation; the result would"
              + " miss their entries. Retry once the cluster view has settled",
          first);
    }
    return replies;
  }

  @Override
  public Map<String, String> details() {
    return Map.of("cluster.formation", node.formation());
  }

  @Override
  public void awaitMembers(RequiredMembers required, Duration timeout) {
    node.awaitMembers(required, timeout);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    node.leave(cacheName);
    if (node.isShared()) {
      SharedClusters.release(node);
    }
  }

  @Override
  public String toString() {
    return "CacheChannel[" + cacheName + " on " + node + "]";
  }
}
