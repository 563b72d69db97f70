package dev.vela.topology.partitioned;

import dev.vela.cluster.CacheChannel;
import dev.vela.cluster.RequiredMembers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

/** A cache's channel that counts the requests it sends, by op, and passes everything on. */
final class CountingChannel implements CacheChannel {
  private final CacheChannel channel;
  private final AtomicLongArray sent = new AtomicLongArray(256);

  CountingChannel(CacheChannel channel) {
    this.channel = channel;
  }

  /** Requests sent so far that start with {@code op}'s code. */
  long sent(Op op) {
    return sent.get(op.code() & 0xff);
  }

  /**
   * Requests sent so far about keys (reads, writes, removals, single or bulk), leaving out what a
   * node sends on its own: handovers, copies to backups, near-cache news, membership.
   */
  long keyRequests() {
    long sum = 0;
    for (Op op : List.of(Op.GET, Op.ENTRY, Op.PUT, Op.PUT_ALL, Op.DELETE, Op.WRITE, Op.GET_ALL, Op.DELETE_ALL)) {
      sum += sent(op);
    }
    return sum;
  }

  @Override
  public String self() {
    return channel.self();
  }

  @Override
  public List<String> members() {
    return channel.members();
  }

  @Override
  public Duration rpcTimeout() {
    return channel.rpcTimeout();
  }

  @Override
  public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
    sent.incrementAndGet(request[0] & 0xff);
    return channel.call(member, request, timeout);
  }

  @Override
  public CompletableFuture<byte[]> probe(String member, byte[] request, Duration timeout) {
    sent.incrementAndGet(request[0] & 0xff);
    return channel.probe(member, request, timeout);
  }

  @Override
  public Map<String, byte[]> callOthers(byte[] request) {
    return channel.callOthers(request);
  }

  @Override
  public void awaitMembers(RequiredMembers required, Duration timeout) {
    channel.awaitMembers(required, timeout);
  }

  @Override
  public void close() {
    channel.close();
  }
}
