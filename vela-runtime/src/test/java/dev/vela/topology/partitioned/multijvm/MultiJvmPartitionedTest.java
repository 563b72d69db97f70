package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A partitioned cache on separate JVMs over loopback: three nodes, then a fourth that joins under
 * load, then one that leaves gracefully and one that is killed. The steps build on each other, so
 * they run in order on one set of processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiJvmPartitionedTest {
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(45);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()};
  private final String clusterId = Long.toHexString(System.nanoTime());
  private String hosts;
  private Path log;
  private NodeProcess a;
  private NodeProcess b;
  private NodeProcess c;
  private NodeProcess d;

  @BeforeAll
  void startThreeNodes() throws Exception {
    hosts = FreePorts.loopbackHosts(ports);
    Path dir = Path.of("target", "multi-jvm");
    Files.createDirectories(dir);
    log = dir.resolve("nodes-" + clusterId + ".log");
    a = started(ports[0]);
    CompletableFuture<NodeProcess> second = CompletableFuture.supplyAsync(() -> started(ports[1]));
    c = started(ports[2]);
    b = second.get(90, TimeUnit.SECONDS);
    awaitRing(3, a, b, c);
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
  }

  private NodeProcess started(int port) {
    NodeProcess node = NodeProcess.start(port, hosts, clusterId, log);
    synchronized (nodes) {
      nodes.add(node);
    }
    return node;
  }

  @Test
  @Order(1)
  void recordKeysWrittenOnOneNodeAreReadOnTheOthers() {
    a.send("putRange 0 300");
    assertThat(b.number("missing 0 300")).isZero();
    assertThat(c.number("missing 0 300")).isZero();
    b.send("put 1000 hello");
    assertThat(c.send("get 1000")).isEqualTo("hello");
    assertThat(a.send("get 1000")).isEqualTo("hello");
  }

  @Test
  @Order(2)
  void sizeAddsUpEveryNode() {
    long total = a.number("size");
    assertThat(total).isEqualTo(301);
    assertThat(b.number("size")).isEqualTo(total);
    long localSum = a.number("localSize") + b.number("localSize") + c.number("localSize");
    assertThat(localSum).isEqualTo(total);
    assertThat(a.number("localSize")).isPositive().isLessThan(total);
  }

  @Test
  @Order(3)
  void invalidateTagRemovesTaggedEntriesOnEveryNode() {
    for (int n = 2000; n < 2030; n++) {
      nodes.get(n % 3).send("put " + n + " promo promo");
    }
    assertThat(c.number("invalidate promo")).isEqualTo(30);
    for (int n = 2000; n < 2030; n += 7) {
      assertThat(a.send("get " + n)).isEqualTo("-");
    }
    assertThat(b.number("missing 0 300")).isZero();
  }

  @Test
  @Order(4)
  void aFourthNodeJoinsUnderLoadWithoutLosingAKey() throws Exception {
    CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> a.send("putRange 10000 14000"));
    d = started(ports[3]);
    load.get(120, TimeUnit.SECONDS);
    awaitRing(4, a, b, c, d);

    assertThat(d.number("missing 10000 14000")).isZero();
    assertThat(b.number("missing 10000 14000")).isZero();
    assertThat(d.number("missing 0 300")).isZero();
    assertThat(settled(() -> d.number("localSize"), size -> size > 0)).isPositive();
    assertThat(c.number("size")).isEqualTo(4301);
  }

  @Test
  @Order(5)
  void aGracefulLeaveHandsOverEveryKey() throws Exception {
    assertThat(b.number("localSize")).isPositive();
    assertThat(b.send("leave")).isEqualTo("left");
    assertThat(b.waitForExit()).isTrue();
    awaitRing(3, a, c, d);

    assertThat(settled(() -> a.number("missing 10000 14000"), missing -> missing == 0)).isZero();
    assertThat(d.number("missing 0 300")).isZero();
    assertThat(c.number("size")).isEqualTo(4301);
  }

  @Test
  @Order(6)
  void aKilledNodeLosesOnlyItsKeysAndTheOthersServeOn() throws Exception {
    long killedHeld = c.number("localSize");
    c.kill();
    awaitRing(2, a, d);

    assertThat(settled(() -> {
      a.send("putRange 20000 20200");
      return d.number("missing 20000 20200");
    }, missing -> missing == 0)).isZero();
    long missingOld = a.number("missing 10000 14000");
    assertThat(missingOld).isLessThanOrEqualTo(killedHeld);
    assertThat(a.number("size")).as("all but the killed node's entries").isEqualTo(4301 + 200 - killedHeld);
  }

  /**
   * Polls until each of {@code running} routes keys over a ring of {@code count} members. A view
   * change takes a moment to reach every node, and a node also learns from each member that it
   * runs the cache: until then a lagging node still takes itself for the owner of some keys and
   * answers a read of them with a miss, which is not what these tests are about.
   */
  private void awaitRing(int count, NodeProcess... running) {
    for (NodeProcess node : running) {
      long seen = settled(() -> (long) node.send("ringMembers").split(",").length, members -> members == count);
      // when it fails, what the node saw tells a view not reached from a ring that left out a member it has
      assertThat(seen).as(() -> "members in the ring of the node on port " + node.port + ": ring "
          + node.send("ringMembers") + ", view " + node.send("members")).isEqualTo(count);
    }
  }

  /** The value once {@code done} accepts it, retrying failures; the last value after the deadline. */
  private static long settled(Supplier<Long> probe, java.util.function.LongPredicate done) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    Long last = null;
    AssertionError lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (done.test(last)) {
          return last;
        }
      } catch (AssertionError e) {
        lastError = e; // the view is still changing: a call may fail until it has
      }
      Thread.onSpinWait();
    }
    if (last == null) {
      throw lastError;
    }
    return last;
  }
}
