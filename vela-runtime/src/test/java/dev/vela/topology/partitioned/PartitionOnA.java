package dev.vela.topology.partitioned;

import dev.vela.CacheStats;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.cluster.CacheChannel;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The parts of node "a"'s partitioned cache of strings, wired to a test channel instead of a cluster. */
final class PartitionOnA implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 10;
  final InstantSource clock = InstantSource.system();
  final Wire<String, String> wire = new Wire<>(Codecs.STRING, Codecs.STRING, clock, error -> {});
  final MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
  final Routing routing = new Routing("a");
  final Remote<String, String> remote;
  final Partition<String, String> partition;
  final Migration<String, String> migration;
  final PartitionEndpoint<String, String> endpoint;

  PartitionOnA(String cacheName, CacheChannel channel) {
    remote = new Remote<>(cacheName, channel, wire, () -> routing.ring().members());
    partition = new Partition<>(
        "a", backend, routing, remote, wire, 0, new HybridClock(clock), new VersionTable<>(clock, Duration.ofMinutes(2)));
    PartitionChangeFeed<String> changes = new PartitionChangeFeed<>(channel, wire, () -> routing.ring().members());
    migration = new Migration<>(cacheName, partition, backend, remote);
    Membership membership = new Membership(cacheName, "a", routing, remote, migration, partition.claims(),
        partition.locks(), changes, channel.rpcTimeout().dividedBy(2));
    endpoint = new PartitionEndpoint<>(cacheName, partition, routing, migration, wire, membership,
        () -> CacheStats.EMPTY, changes);
  }

  /**
   * Starts node "a" in a view with "b", which says it runs the cache (it was not apart), and
   * waits for the first ring.
   */
  void startWithB() throws Exception {
    endpoint.membersChanged(List.of("a", "b"));
    answerOf("b", runs(false)).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    if (!endpoint.firstView().await(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("no first ring within " + DEADLINE_SECONDS + " s");
    }
  }

  /** A key that node "a" owns on its current ring. */
  String keyOwnedHere() {
    for (int i = 0; i < 1_000; i++) {
      if (partition.ownerOf("k" + i).equals("a")) {
        return "k" + i;
      }
    }
    throw new AssertionError("none of 1,000 keys is owned by a on ring " + routing.ring().members());
  }

  /** The answer node "a" gives {@code request} from {@code from}. */
  CompletableFuture<byte[]> answerOf(String from, CodecOutput request) {
    CompletableFuture<byte[]> answered = new CompletableFuture<>();
    endpoint.handle(from, request.toByteArray(), answered::complete);
    return answered;
  }

  /** A RUNS request: whether the asking node has been apart from this one. */
  static CodecOutput runs(boolean apart) {
    CodecOutput out = Op.RUNS.request();
    out.writeBoolean(apart);
    return out;
  }

  /** An entry of {@code value} that never expires and has no tags. */
  static StoredEntry<String> entry(String value) {
    return new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of());
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
