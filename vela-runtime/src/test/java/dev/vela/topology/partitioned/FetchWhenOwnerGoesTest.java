package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.CacheStats;
import dev.vela.FetchException;
import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.backend.BackendContext;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.cluster.CacheEndpoint;
import dev.vela.cluster.ClusterSettings;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.CodecOutput;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node "a" is granted the fetch of a key owned by "b", and "b" is gone by the time a stores the
 * value: a's view is older, so the store fails. The caller still gets the value it fetched, and a
 * stores it on the key's new owner once a's view has changed.
 */
class FetchWhenOwnerGoesTest {
  private static final InstantSource CLOCK = InstantSource.system();

  /** Node "b" runs the cache, grants every claim, and is gone once asked to store a value. */
  private static final class OwnerGoneChannel extends TwoNodeChannel {
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    final boolean viewFollows;
    CacheEndpoint endpoint;

    /** When {@code viewFollows}, the view without "b" reaches "a" just after its first store to b failed. */
    OwnerGoneChannel(Duration rpcTimeout, boolean viewFollows) {
      super(rpcTimeout);
      this.viewFollows = viewFollows;
    }

    @Override
    public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
      Op op = Op.of(request[0]);
      if (op == Op.CLAIM) {
        CodecOutput granted = Reply.ok();
        granted.writeByte(FetchClaims.Answer.GRANTED.ordinal());
        return CompletableFuture.completedFuture(granted.toByteArray());
      }
      if (op == Op.PUT) {
        if (puts.getAndIncrement() == 0 && viewFollows) {
          endpoint.membersChanged(List.of("a"));
        }
        return CompletableFuture.failedFuture(new VelaException("node b is not a member of the cluster"));
      }
      if (op == Op.RELEASE) {
        releases.incrementAndGet();
      }
      return CompletableFuture.completedFuture(Reply.okEmpty());
    }
  }

  private PartitionedTopology<String, String> topology;

  private PartitionedTopology<String, String> open(OwnerGoneChannel channel) {
    CacheBuilder<String, String, Cache<String, String>> builder = new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "gone", Backend.MEMORY, Topology.PARTITIONED,
            c -> c)
        .sweepInterval(Durations.INFINITE);
    BackendContext<String, String> context = new BackendContext<>(builder.config(),
        new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), CLOCK, (key, value, cause) -> {}, error -> {});
    topology = PartitionedTopology.open(context, MemoryBackend.unbounded(CLOCK, (key, value, cause) -> {}),
        () -> CacheStats.EMPTY, ClusterSettings.defaults(), endpointFor -> {
          channel.endpoint = endpointFor.apply(channel);
          channel.endpoint.membersChanged(List.of("a", "b"));
          return channel;
        });
    return topology;
  }

  @AfterEach
  void close() {
    if (topology != null) {
      topology.close();
    }
  }

  /** A key that "b" owns on the ring of "a" and "b". */
  private static String keyOfB(PartitionedTopology<String, String> topology) {
    assertThat(topology.details().get("topology.ring.members").split(",")).containsExactlyInAnyOrder("a", "b");
    Wire<String, String> wire = new Wire<>(
        TestCodecs.string().require("keys"), TestCodecs.string().require("values"), CLOCK, error -> {});
    HashRing ring = HashRing.of(List.of("a", "b"));
    for (int i = 0; ; i++) {
      if (ring.ownerOf(wire.keyHash("k" + i)).equals("b")) {
        return "k" + i;
      }
    }
  }

  private static Set<String> noTags() {
    return Set.of();
  }

  /** A granted fetch whose fetcher stores the value it fetched, as {@code getOrFetch} does. */
  private static String fetchAndStore(PartitionedTopology<String, String> cache, String key) {
    return cache.fetchOnce(key, () -> {
      cache.put(key, "fetched", StoredEntry.NO_EXPIRY, noTags());
      return "fetched";
    });
  }

  @Test
  void theGrantedCallerGetsItsValueAndStoresItOnTheNewOwner() {
    OwnerGoneChannel channel = new OwnerGoneChannel(Duration.ofSeconds(10), true);
    PartitionedTopology<String, String> cache = open(channel);
    String key = keyOfB(cache);

    String value = fetchAndStore(cache, key);

    assertThat(value).isEqualTo("fetched");
    assertThat(channel.puts.get()).as("the store that reached the gone owner").isEqualTo(1);
    assertThat(cache.localBackend().get(key)).as("stored on a, the key's owner now").isEqualTo("fetched");
    assertThat(channel.releases.get()).as("the claim given back").isEqualTo(1);
  }

  @Test
  void whenNoNewOwnerTakesTheKeyInTimeTheValueIsReturnedAnyway() {
    OwnerGoneChannel channel = new OwnerGoneChannel(Duration.ofMillis(300), false);
    PartitionedTopology<String, String> cache = open(channel);
    String key = keyOfB(cache);

    String value = fetchAndStore(cache, key);

    assertThat(value).isEqualTo("fetched");
    assertThat(channel.puts.get()).as("stored again while the view had not changed").isGreaterThan(1);
    assertThat(cache.localBackend().get(key)).isNull();
  }

  @Test
  void theFetchersOwnFailurePassesAsBefore() {
    OwnerGoneChannel channel = new OwnerGoneChannel(Duration.ofSeconds(10), true);
    PartitionedTopology<String, String> cache = open(channel);
    String key = keyOfB(cache);

    assertThatThrownBy(() -> cache.fetchOnce(key, () -> {
      throw new FetchException("the fetcher for key " + key + " threw", null);
    })).isInstanceOf(FetchException.class).hasMessageContaining("the fetcher");
    assertThat(channel.puts.get()).isZero();
    assertThat(channel.releases.get()).isEqualTo(1);
  }

  @Test
  void aPutOutsideAGrantedFetchStillFailsWhenTheOwnerIsGone() {
    OwnerGoneChannel channel = new OwnerGoneChannel(Duration.ofSeconds(10), false);
    PartitionedTopology<String, String> cache = open(channel);
    String key = keyOfB(cache);

    assertThatThrownBy(() -> cache.put(key, "written", StoredEntry.NO_EXPIRY, noTags()))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("not a member");
  }
}
