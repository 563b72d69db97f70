package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Processes racing on the keys of one REDIS cache: this JVM and two child JVMs ({@link RaceChild})
 * run the same workload at the same moment, and the totals must be exact and every claim must have
 * exactly one winner.
 */
class RedisRaceTest {
  private static final int PROCESSES = 3;
  private static final int THREADS = 2;
  private static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void transactionsOfThreeProcessesExcludeEachOther() throws Exception {
    assertCounter("transaction", 40, null);
  }

  @Test
  void mergesOfThreeProcessesLoseNoUpdate() throws Exception {
    assertCounter("merge", 200, null);
  }

  @Test
  void compareAndSetLoopsOfThreeProcessesLoseNoUpdate() throws Exception {
    assertCounter("replace", 100, 0L);
  }

  @Test
  void everyClaimHasExactlyOneWinnerAcrossProcesses() throws Exception {
    int claims = 150;
    String name = RedisTesting.uniqueName("race-claim");

    List<String> wins = race(name, "claim", claims, null);

    Map<String, Long> winners = new HashMap<>();
    for (String win : wins) {
      String[] parts = win.split(" ");
      assertThat(winners.put(parts[1], Long.parseLong(parts[2]))).as("a second winner of %s", parts[1]).isNull();
    }
    assertThat(winners).hasSize(claims);
    try (Cache<String, Long> cache = RedisTesting.longs(name, server.url()).create()) {
      winners.forEach((key, claimant) -> assertThat(cache.get(key)).as(key).hasValue(claimant));
    }
  }

  /** Races {@code workload} on the counter, from {@code start} if given, and checks the exact total. */
  private static void assertCounter(String workload, int rounds, Long start) throws Exception {
    String name = RedisTesting.uniqueName("race-" + workload);

    race(name, workload, rounds, start);

    try (Cache<String, Long> cache = RedisTesting.longs(name, server.url()).create()) {
      assertThat(cache.get("counter")).hasValue((long) PROCESSES * THREADS * rounds + (start == null ? 0 : start));
    }
  }

  /**
   * Runs {@code workload} in this process and two children at once, the counter first set to
   * {@code start} if given; returns every report of all three.
   */
  private static List<String> race(String name, String workload, int rounds, Long start) throws Exception {
    List<Process> children = new ArrayList<>();
    List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
    try (Cache<String, Long> cache = RedisTesting.longs(name, server.url()).create()) {
      if (start != null) {
        cache.put("counter", start);
      }
      for (int i = 1; i < PROCESSES; i++) {
        Process child = start(name, workload, rounds, i);
        children.add(child);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("child %d started", i).isEqualTo("ready");
        outputs.add(CompletableFuture.supplyAsync(() -> out.lines().toList()));
      }
      for (Process child : children) {
        PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        in.println("go");
      }
      List<String> reports = new ArrayList<>(RaceChild.race(cache, workload, THREADS, rounds, 0));
      for (int i = 0; i < children.size(); i++) {
        assertThat(children.get(i).waitFor(RaceChild.BOUND.toSeconds(), TimeUnit.SECONDS)).as("child ended").isTrue();
        assertThat(children.get(i).exitValue()).as("child's exit").isZero();
        List<String> lines = outputs.get(i).get(RaceChild.BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(lines).last().isEqualTo("done");
        reports.addAll(lines.subList(0, lines.size() - 1));
      }
      return reports;
    } finally {
      children.forEach(Process::destroyForcibly);
    }
  }

  private static Process start(String name, String workload, int rounds, int process) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", classPath, RaceChild.class.getName(), server.url(), name,
        workload, Integer.toString(THREADS), Integer.toString(rounds), Integer.toString(process))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
