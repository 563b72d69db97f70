package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import dev.vela.CacheBuilder;
import dev.vela.testing.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asynchronous calls that need a node frozen by SIGSTOP (a stalled VM, a long pause), in a second
 * JVM: they fail with the blocking calls' {@link VelaException} within about the rpcTimeout, and
 * their dependants run on the cache's executor, never on a network thread.
 */
class MultiJvmAsyncTimeoutTest {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);
  /** Far above the rpcTimeout: an upper bound for a loaded machine, not a speed. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  @ParameterizedTest
  @ValueSource(strings = {"PARTITIONED", "REPLICATED"})
  void callsThatNeedAFrozenNodeFailWithinTheRpcTimeout(String topology) throws Exception {
    LoopbackCluster cluster = LoopbackCluster.plan("async-timeout", 2);
    NodeProcess frozen = cluster.start(1, topology, 0); // first: on REPLICATED it is the lock holder
    try (Cache<StockKey, String> cache = builder(cluster, Topology.valueOf(topology)).create()) {
      Concurrently.await(Duration.ofSeconds(60), "both nodes run the cache", () -> nodesRunning(cache, topology) == 2);
      List<CompletableFuture<?>> calls = new ArrayList<>();
      Set<String> dependantThreads = ConcurrentHashMap.newKeySet();
      frozen.signal("STOP");
      long start = System.nanoTime();
      try {
        if (topology.equals("PARTITIONED")) {
          for (int i = 0; i < 20; i++) { // about half of them owned by the frozen node
            calls.add(cache.getAsync(StockKey.number(i)));
            calls.add(cache.putAsync(StockKey.number(100 + i), "v"));
          }
        } else {
          calls.add(cache.putAsync(StockKey.number(1), "v")); // the frozen copy does not confirm it
          calls.add(cache.putIfAbsentAsync(StockKey.number(2), "v")); // the frozen lock holder does not answer
        }
        int failed = 0;
        for (CompletableFuture<?> call : calls) {
          CompletableFuture<?> watched =
              call.whenComplete((value, failure) -> dependantThreads.add(Thread.currentThread().getName()));
          try {
            watched.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(VelaException.class);
            failed++;
          }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failed).as("calls that needed the frozen node").isPositive();
        assertThat(took).as("every call ended within the bound").isLessThan(BOUND);
        assertThat(dependantThreads).allSatisfy(thread -> assertThat(
            thread.equals(Thread.currentThread().getName()) || thread.startsWith("vela-async-stock"))
            .as("dependant ran on %s", thread).isTrue());
      } finally {
        frozen.signal("CONT");
      }
    } finally {
      frozen.close();
    }
  }

  private static int nodesRunning(Cache<StockKey, String> cache, String topology) {
    Map<String, String> details = cache.inspect().details();
    String listed = topology.equals("PARTITIONED") ? details.get("topology.ring.members") : details.get("topology.replicas");
    long count = Arrays.stream(listed.split(",")).filter(member -> !member.isBlank()).count();
    return (int) (topology.equals("PARTITIONED") ? count : count + 1);
  }

  private static CacheBuilder<StockKey, String, Cache<StockKey, String>> builder(LoopbackCluster cluster, Topology topology) {
    return new CacheBuilder<StockKey, String, Cache<StockKey, String>>(
            new CacheTypes<>(TypeCodec.of("test.StockKey", StockKey.CODEC), TypeCodec.of("java.lang.String", Codecs.STRING)),
            "stock", Backend.MEMORY, topology, c -> c)
        .sweepInterval(Durations.INFINITE)
        .option("cluster", "multi-jvm-" + cluster.clusterId())
        .option("port", Integer.toString(cluster.ports()[0]))
        .option("initialHosts", cluster.hosts())
        .option("joinTimeout", "500ms")
        .option("rpcTimeout", RPC_TIMEOUT.toMillis() + "ms");
  }
}
