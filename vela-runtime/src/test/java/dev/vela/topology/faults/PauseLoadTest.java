package dev.vela.topology.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three JVMs run a PARTITIONED cache with one backup under steady load; one of them is stopped
 * with SIGSTOP for 10 seconds, as a long GC pause or a stalled VM would stop it, then continued.
 * Meanwhile its peers carry on as far as they can: a call to the stopped node waits for it up to
 * the rpcTimeout (the failure detector, at 10 s without heartbeats, may not exclude it before it
 * is back), so their writes slow to a trickle, but none fails silently, and the load goes on at
 * full pace once the node does. No worker of a peer may read an
 * older state of its own key than its last acknowledged write, and afterwards every acknowledged
 * write must be read, with its value, from every node, the paused one included: nothing it held
 * before the pause may shadow a write made while it was stopped.
 */
class PauseLoadTest {
  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final Duration PAUSE_AT = Duration.ofSeconds(6);
  private static final Duration PAUSE = Duration.ofSeconds(10);
  /** Generous: five builds may share the two cores. */
  private static final Duration ANSWER = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void peersCarryOnAndThePausedNodeRejoinsWithoutStaleValues() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String cluster = "pause-" + Long.toHexString(System.nanoTime());
    Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
    Ledger ledger = new Ledger();
    List<LoadNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(LoadNode.start(i, ports[i], hosts, cluster, log, ledger));
      }
      for (LoadNode node : nodes) {
        node.awaitStarted(ANSWER);
      }
      for (LoadNode node : nodes) {
        awaitMembers(node, 3);
      }
      long loadStart = System.nanoTime();
      ledger.loadStarted(System.currentTimeMillis());
      for (LoadNode node : nodes) {
        node.send("load", ANSWER);
      }
      waitUntil(loadStart, PAUSE_AT);
      LoadNode paused = nodes.get(1);
      long acknowledgedBeforePause = ledger.acknowledgedWrites();
      paused.signal("STOP");
      waitUntil(loadStart, PAUSE_AT.plus(PAUSE));
      long acknowledgedDuringPause = ledger.acknowledgedWrites() - acknowledgedBeforePause;
      paused.signal("CONT");
      long acknowledgedBeforeContinue = ledger.acknowledgedWrites();

      waitUntil(loadStart, LOAD);
      long acknowledgedAfterContinue = ledger.acknowledgedWrites() - acknowledgedBeforeContinue;
      long gets = 0;
      for (LoadNode node : nodes) {
        gets += Long.parseLong(node.send("stop", ANSWER).trim());
      }
      for (LoadNode node : nodes) {
        awaitMembers(node, 3);
      }
      Map<Integer, List<String>> violations = new HashMap<>();
      for (LoadNode node : nodes) {
        violations.put(node.number, ledger.violations(FaultLoadTest.readAll(node)));
      }

      System.out.printf("pause: %d acknowledged writes (%d while node 1 was stopped, %d after it went on), %d gets%n",
          ledger.acknowledgedWrites(), acknowledgedDuringPause, acknowledgedAfterContinue, gets);
      System.out.println("pause: failed operations by kind: " + ledger.failures());
      System.out.println("pause: stale reads of a worker's own last acknowledged write: " + ledger.staleReads());
      violations.forEach((node, wrong) ->
          System.out.println("pause: read from node " + node + ": " + wrong.size() + " violations " + wrong));

      assertThat(acknowledgedDuringPause).as("writes the peers acknowledged while node 1 was stopped").isPositive();
      assertThat(acknowledgedAfterContinue).as("writes acknowledged after node 1 went on").isGreaterThan(1_000);
      assertThat(ledger.staleReads()).as("reads that missed the reader's own acknowledged write or delete").isEmpty();
      assertThat(violations).allSatisfy((node, wrong) ->
          assertThat(wrong).as("acknowledged writes not read back from node " + node).isEmpty());
    } finally {
      for (LoadNode node : nodes) {
        node.close();
      }
    }
  }

  private static void awaitMembers(LoadNode node, int count) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = node.send("members", ANSWER).trim();
      if (seen.equals(Integer.toString(count))) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("node " + node.number + " sees " + seen + " members, not " + count + ", after " + SETTLE);
  }

  /** Lets the load run until {@code offset} after {@code start}: a point in the schedule, not a wait for a result. */
  private static void waitUntil(long start, Duration offset) {
    long due = start + offset.toNanos();
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
