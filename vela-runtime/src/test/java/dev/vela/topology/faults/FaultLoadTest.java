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
 * Three JVMs run a PARTITIONED cache with one backup under steady load (puts, gets, deletes from
 * every node) for over 30 seconds; meanwhile one node is killed with SIGKILL and a new one joins.
 * During the load no worker may read an older state of its own key than its last acknowledged
 * write or delete; afterwards every acknowledged write must be readable, with its value, from every
 * survivor.
 */
class FaultLoadTest {
  private static final Duration LOAD = Duration.ofMillis(30_500);
  private static final Duration KILL_AT = Duration.ofSeconds(10);
  private static final Duration JOIN_AT = Duration.ofSeconds(16);
  /** Generous: five builds may share the two cores. */
  private static final Duration ANSWER = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everyAcknowledgedWriteSurvivesAKilledNodeAndANewOneUnderLoad() throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String cluster = "faults-" + Long.toHexString(System.nanoTime());
    Path dir = Path.of("target", "faults");
    Files.createDirectories(dir);
    Path log = dir.resolve(cluster + ".log");
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
      waitUntil(loadStart, KILL_AT);
      LoadNode victim = nodes.remove(1);
      long acknowledgedBeforeKill = ledger.acknowledgedWrites();
      victim.kill();
      long killedAt = Duration.ofNanos(System.nanoTime() - loadStart).toMillis();

      waitUntil(loadStart, JOIN_AT);
      LoadNode newcomer = startNewcomer(hosts, cluster, log, ledger);
      nodes.add(newcomer);
      long joinedAt = Duration.ofNanos(System.nanoTime() - loadStart).toMillis();
      newcomer.send("load", ANSWER);

      waitUntil(loadStart, LOAD);
      long gets = 0;
      for (LoadNode node : nodes) {
        gets += Long.parseLong(node.send("stop", ANSWER).trim());
      }
      Duration loaded = Duration.ofNanos(System.nanoTime() - loadStart);
      for (LoadNode node : nodes) {
        awaitMembers(node, 3);
      }

      Map<Integer, Map<String, String>> reads = new HashMap<>();
      for (LoadNode node : nodes) {
        reads.put(node.number, readAll(node));
      }

      System.out.printf("fault load: %d s of load, %d acknowledged writes (%d before the kill), %d gets by survivors%n",
          loaded.toSeconds(), ledger.acknowledgedWrites(), acknowledgedBeforeKill, gets);
      System.out.printf("fault load: node 1 killed at %d ms, node 3 started (cache created) at %d ms%n", killedAt, joinedAt);
      System.out.println("fault load: failed operations by kind: " + ledger.failures());
      System.out.println("fault load: stale reads of a worker's own last acknowledged write: "
          + ledger.staleReads().size() + (ledger.staleReads().isEmpty() ? "" : " " + ledger.staleReads()));
      System.out.println("fault load: keys ending with a certain value: " + ledger.certainValues());
      Map<Integer, List<String>> violations = new HashMap<>();
      reads.forEach((node, read) -> violations.put(node, ledger.violations(read)));
      violations.forEach((node, wrong) ->
          System.out.println("fault load: read from node " + node + ": " + wrong.size() + " violations " + wrong));
      List<String> wrongKeys = violations.values().stream().flatMap(List::stream).map(line -> line.split(" ")[0]).toList();
      ledger.histories(wrongKeys, 8).forEach(line -> System.out.println("fault load: history of " + line));

      assertThat(ledger.acknowledgedWrites()).as("the load ran").isGreaterThan(1_000);
      assertThat(acknowledgedBeforeKill).as("writes before the kill").isPositive();
      assertThat(ledger.staleReads())
          .as("reads that missed the reader's own acknowledged write or delete (versioned backups and handovers)")
          .isEmpty();
      assertThat(violations).allSatisfy((node, wrong) ->
          assertThat(wrong).as("acknowledged writes not read back from node " + node).isEmpty());
    } finally {
      for (LoadNode node : nodes) {
        node.close();
      }
    }
  }

  /**
   * Starts node 3 on a port picked now, trying another if it was taken meanwhile: a port picked
   * at the start may since have become the local end of some outgoing connection.
   */
  private static LoadNode startNewcomer(String hosts, String cluster, Path log, Ledger ledger)
      throws InterruptedException {
    AssertionError failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = FreePorts.next();
      LoadNode node = LoadNode.start(3, port, hosts + "," + FreePorts.loopbackHosts(port), cluster, log, ledger);
      try {
        node.awaitStarted(ANSWER);
        return node;
      } catch (AssertionError e) {
        failure = e;
        node.close();
      }
    }
    throw failure;
  }

  /** Every key any worker could have written, read through {@code node}. */
  static Map<String, String> readAll(LoadNode node) {
    Map<String, String> read = new HashMap<>();
    for (int n = 0; n < 4; n++) {
      for (int w = 0; w < FaultNodeMain.WORKERS; w++) {
        String prefix = "n" + n + "w" + w + "k";
        String[] values = node.send("read " + prefix + " " + FaultNodeMain.KEYS_PER_WORKER, ANSWER).split("\\|");
        for (int i = 0; i < values.length; i++) {
          read.put(prefix + i, values[i]);
        }
      }
    }
    return read;
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
