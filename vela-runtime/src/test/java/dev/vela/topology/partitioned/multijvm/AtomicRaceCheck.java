package dev.vela.topology.partitioned.multijvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link AtomicWorkload} on node processes at once and checks the cache against the exact
 * sums of what each one did: the merged and the compare-and-set counters equal the sums of the
 * merges and successful replaces, and every claim key tried has exactly one claimant, the one that
 * says it won it.
 */
public final class AtomicRaceCheck {
  /** What one racer reported. */
  private record Report(NodeProcess node, long merges, long replaces, long claimsWon, long claimsTried, long failures) {
    static Report of(NodeProcess node, String answer) {
      String[] part = answer.trim().split(" ");
      return new Report(node, Long.parseLong(part[0]), Long.parseLong(part[1]), Long.parseLong(part[2]),
          Long.parseLong(part[3]), Long.parseLong(part[4]));
    }
  }

  private final List<NodeProcess> racers;
  private final List<CompletableFuture<String>> races = new ArrayList<>();
  private final boolean untilStopped;

  private AtomicRaceCheck(List<NodeProcess> racers, boolean untilStopped) {
    this.racers = List.copyOf(racers);
    this.untilStopped = untilStopped;
  }

  /**
   * Stores the compare-and-set counter's first value through {@code first}, then starts the racers,
   * which race until {@link #finishAndCheck} stops them.
   */
  public static AtomicRaceCheck startUntilStopped(NodeProcess first, List<NodeProcess> racers) {
    first.send("put " + AtomicWorkload.REPLACED + " 0");
    AtomicRaceCheck check = new AtomicRaceCheck(racers, true);
    racers.forEach(node -> node.send("startRace"));
    return check;
  }

  /** Stores the compare-and-set counter's first value through {@code first}, then starts the racers for {@code millis}. */
  public static AtomicRaceCheck start(NodeProcess first, List<NodeProcess> racers, long millis) {
    first.send("put " + AtomicWorkload.REPLACED + " 0");
    AtomicRaceCheck check = new AtomicRaceCheck(racers, false);
    for (NodeProcess node : racers) {
      check.races.add(CompletableFuture.supplyAsync(() -> node.send("race " + millis)));
    }
    return check;
  }

  /**
   * Waits for every racer (stopping those that race until stopped) and checks the totals as each node of {@code readers} reads them.
   *
   * @return how many operations applied in all, for the test's report
   */
  public long finishAndCheck(List<NodeProcess> readers) throws Exception {
    List<Report> reports = new ArrayList<>();
    for (int i = 0; i < racers.size(); i++) {
      String answer = untilStopped ? racers.get(i).send("stopRace") : races.get(i).get(120, TimeUnit.SECONDS);
      reports.add(Report.of(racers.get(i), answer));
    }
    long merges = reports.stream().mapToLong(Report::merges).sum();
    long replaces = reports.stream().mapToLong(Report::replaces).sum();
    long won = reports.stream().mapToLong(Report::claimsWon).sum();
    long tried = reports.stream().mapToLong(Report::claimsTried).max().orElseThrow();
    assertThat(reports).allSatisfy(report -> assertThat(report.failures()).as("operations that threw").isZero());
    assertThat(merges).as("merges made").isPositive();
    assertThat(won).as("one winner per claim key").isEqualTo(tried);
    for (NodeProcess reader : readers) {
      assertThat(reader.send("get " + AtomicWorkload.MERGED)).as("merged total on %s", reader.member)
          .isEqualTo(Long.toString(merges));
      assertThat(reader.send("get " + AtomicWorkload.REPLACED)).as("compare-and-set total on %s", reader.member)
          .isEqualTo(Long.toString(replaces));
    }
    for (Report report : reports) {
      assertThat(readers.get(0).send("claimsOf " + report.node().member + " " + tried))
          .as("claim keys holding %s, and unclaimed ones", report.node().member)
          .isEqualTo(report.claimsWon() + " 0");
    }
    return merges + replaces + won;
  }
}
