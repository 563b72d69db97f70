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
 * Three JVMs run a PARTITIONED cache with one backup and a {@value #FAILURE_TIMEOUT}
 * failureTimeout under steady load; one of them is stopped with SIGSTOP for 10 seconds, as a long
 * GC pause or a stalled VM would stop it, then continued. Its peers carry on: calls to the stopped
 * node wait at most until it is suspected and excluded (the failure timeout and a check of a
 * second), after which its keys are served by their backups, so from then on the peers acknowledge
 * writes at a good part of their pace before the pause. No worker of a peer may read an older
 * state of its own key than its last acknowledged write, and afterwards every acknowledged write
 * must be read, with its value, from every node, the paused one included: nothing it held before
 * the pause may shadow a write made while it was stopped.
 */
class PauseLoadTest {
  private static final String FAILURE_TIMEOUT = "2s";
  private static final Duration LOAD = Duration.ofSeconds(30);
  /** Load before this is left out of the pace before the pause: JIT and connections warm up. */
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration PAUSE_AT = Duration.ofSeconds(7);
  private static final Duration PAUSE = Duration.ofSeconds(10);
  /**
   * The least share of their pace before the pause that the peers' own workers keep in the
   * {@link #SERVE_ON} after the stopped node left their view. Until then they stall by design (a
   * call to the stopped node waits until it is suspected and excluded), and how long that takes
   * depends on how busy the machine is: the share over the whole pause, asserted before, failed
   * 3 of 23 runs on a busy machine while the peers served on as they should, so it measured the
   * machine. In 12 runs at load averages of 15 to 63 this share was 0.30 to 1.13, where the share
   * over the whole pause was 0.09 to 0.44 (0.09 in the run that kept 0.30 here); before the
   * failureTimeout option the peers kept about 0.002 (13 to 18 writes in the 10 s), which this
   * floor still fails by far.
   */
  private static final double MIN_PACE_AFTER_EXCLUSION = 0.15;
  /** How long after the stopped node left the peers' view their pace is measured. */
  private static final Duration SERVE_ON = Duration.ofSeconds(3);
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
        nodes.add(LoadNode.start(i, ports[i], hosts, cluster, log, ledger, FAILURE_TIMEOUT));
      }
      for (LoadNode node : nodes) {
        node.awaitStarted(ANSWER);
      }
      for (LoadNode node : nodes) {
        awaitMembers(node, 3, SETTLE);
      }
      long loadStart = System.nanoTime();
      ledger.loadStarted(System.currentTimeMillis());
      for (LoadNode node : nodes) {
        node.send("load", ANSWER);
      }
      waitUntil(loadStart, WARM_UP);
      long acknowledgedAfterWarmUp = ledger.acknowledgedWrites();
      long peersAfterWarmUp = ledger.acknowledgedWritesOf(0, 2);
      waitUntil(loadStart, PAUSE_AT);
      LoadNode paused = nodes.get(1);
      long acknowledgedBeforePause = ledger.acknowledgedWrites();
      long peersBeforePause = ledger.acknowledgedWritesOf(0, 2);
      paused.signal("STOP");
      long stoppedAt = System.nanoTime();
      awaitMembers(nodes.get(0), 2, PAUSE);
      long excludedAt = System.nanoTime();
      long excludedAfterMillis = Duration.ofNanos(excludedAt - stoppedAt).toMillis();
      long peersAtExclusion = ledger.acknowledgedWritesOf(0, 2);
      long peersServedOn = -1; // what the peers acknowledged in the SERVE_ON after the exclusion
      if (excludedAt + SERVE_ON.toNanos() <= loadStart + PAUSE_AT.plus(PAUSE).toNanos()) {
        waitUntil(excludedAt, SERVE_ON);
        peersServedOn = ledger.acknowledgedWritesOf(0, 2) - peersAtExclusion;
      }
      waitUntil(loadStart, PAUSE_AT.plus(PAUSE));
      long acknowledgedDuringPause = ledger.acknowledgedWrites() - acknowledgedBeforePause;
      paused.signal("CONT");
      long acknowledgedBeforeContinue = ledger.acknowledgedWrites();
      if (peersServedOn < 0) {
        // a late exclusion: the window runs on past the continue, and the peers must serve on then too
        waitUntil(excludedAt, SERVE_ON);
        peersServedOn = ledger.acknowledgedWritesOf(0, 2) - peersAtExclusion;
      }

      waitUntil(loadStart, LOAD);
      long acknowledgedAfterContinue = ledger.acknowledgedWrites() - acknowledgedBeforeContinue;
      long gets = 0;
      for (LoadNode node : nodes) {
        gets += Long.parseLong(node.send("stop", ANSWER).trim());
      }
      for (LoadNode node : nodes) {
        awaitMembers(node, 3, SETTLE);
      }
      Map<Integer, List<String>> violations = new HashMap<>();
      for (LoadNode node : nodes) {
        violations.put(node.number, ledger.violations(FaultLoadTest.readAll(node)));
      }

      double paceBefore = (acknowledgedBeforePause - acknowledgedAfterWarmUp) / seconds(PAUSE_AT.minus(WARM_UP));
      double paceDuring = acknowledgedDuringPause / seconds(PAUSE);
      double peersPaceBefore = (peersBeforePause - peersAfterWarmUp) / seconds(PAUSE_AT.minus(WARM_UP));
      double peersPaceAfterExclusion = peersServedOn / seconds(SERVE_ON);
      System.out.printf("pause: %d acknowledged writes (%d while node 1 was stopped, %d after it went on), %d gets%n",
          ledger.acknowledgedWrites(), acknowledgedDuringPause, acknowledgedAfterContinue, gets);
      System.out.printf("pause: %.0f writes/s before the pause, %.0f during it (%.2f of the pace); node 1 left the"
          + " peers' view %d ms after it stopped%n", paceBefore, paceDuring, paceDuring / paceBefore, excludedAfterMillis);
      System.out.printf("pause: the peers' workers acknowledged %.0f writes/s before the pause, %d writes until node 1 left"
          + " their view, %.0f writes/s in the %d s after (%.2f of their pace before)%n", peersPaceBefore,
          peersAtExclusion - peersBeforePause, peersPaceAfterExclusion, SERVE_ON.toSeconds(),
          peersPaceAfterExclusion / peersPaceBefore);
      System.out.println("pause: failed operations by kind: " + ledger.failures());
      System.out.println("pause: stale reads of a worker's own last acknowledged write: " + ledger.staleReads());
      violations.forEach((node, wrong) ->
          System.out.println("pause: read from node " + node + ": " + wrong.size() + " violations " + wrong));

      assertThat(paceBefore).as("writes per second before the pause").isGreaterThan(50);
      assertThat(peersPaceAfterExclusion / peersPaceBefore)
          .as("the peers' pace of acknowledged writes once node 1 left their view, as a share of theirs before")
          .isGreaterThanOrEqualTo(MIN_PACE_AFTER_EXCLUSION);
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

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1_000.0;
  }

  /** Polls {@code node} until it sees {@code count} members, at most {@code within}. */
  private static void awaitMembers(LoadNode node, int count, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = node.send("members", ANSWER).trim();
      if (seen.equals(Integer.toString(count))) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError("node " + node.number + " sees " + seen + " members, not " + count + ", after " + within);
  }

  /** Lets the load run until {@code offset} after {@code start}: a point in the schedule, not a wait for a result. */
  private static void waitUntil(long start, Duration offset) {
    long due = start + offset.toNanos();
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
