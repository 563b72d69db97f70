package dev.vela.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.benchmarks.BenchmarkReport.Row;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class TopologyTableTest {

  private static Row throughput(String method, double opsPerMicro) {
    return new Row("TopologyBench", method, 1, "thrpt", opsPerMicro, 0, "ops/us", Double.NaN, Double.NaN);
  }

  private static Row sample(String method, double p50, double p99) {
    return new Row("TopologyBench", method, 1, "sample", p50, 0, "us/op", p50, p99);
  }

  private static String line(String markdown, String operation) {
    return markdown.lines().filter(l -> l.startsWith("| " + operation + " |")).findFirst().orElseThrow();
  }

  @Test
  void remoteGetLineShowsThroughputPercentilesAndRatiosAgainstHazelcast() {
    String md = TopologyTable.markdown(List.of(
        throughput("velaRemoteGet", 0.010), throughput("hazelcastRemoteGet", 0.008),
        sample("velaRemoteGet", 90, 400), sample("hazelcastRemoteGet", 120, 200)));

    assertThat(line(md, "get, PARTITIONED / IMap, remote key"))
        .isEqualTo("| get, PARTITIONED / IMap, remote key | `velaRemoteGet` | `hazelcastRemoteGet` | 10,000 | 8,000"
            + " | 1.25x | 90.0 | 120 | 0.75x | 400 | 200 | 2.00x |");
  }

  @Test
  void replicatedGetIsComparedWithLocalGetAndLinesOutsideTheRunAreLeftOut() {
    String md = TopologyTable.markdown(List.of(throughput("velaReplicatedGet", 45), throughput("velaLocalGet", 50)));

    assertThat(line(md, "get, REPLICATED against LOCAL (target >= 0.9x)")).contains("| 0.90x |");
    assertThat(md).doesNotContain("velaRemoteGet").doesNotContain("velaRedisPut");
  }

  @Test
  void lineWithoutPeerFiguresHasEmptyPeerCells() {
    String md = TopologyTable.markdown(List.of(sample("velaReplicatedPutThreeNodes", 250, 4000)));

    assertThat(line(md, "put, REPLICATED / ReplicatedMap, 3 nodes"))
        .endsWith("|  |  |  | 250 |  |  | 4,000 |  |  |");
  }

  @Test
  void unitsAreConvertedToOperationsPerSecondAndMicroseconds() {
    assertThat(TopologyTable.opsPerSecond(new Row("TopologyBench", "x", 1, "thrpt", 2, 0, "ops/ms", 0, 0)))
        .isEqualTo(2_000);
    assertThat(TopologyTable.micros(new Row("TopologyBench", "x", 1, "sample", 0, 0, "ns/op", 0, 0), 1500))
        .isEqualTo(1.5);
  }

  @Test
  void everyComparedMethodIsABenchmarkOfTopologyBench() {
    Set<String> benchmarks = Arrays.stream(TopologyBench.class.getMethods())
        .filter(method -> method.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .collect(Collectors.toSet());

    for (TopologyComparison comparison : TopologyBench.COMPARISONS) {
      assertThat(benchmarks).contains(comparison.vela());
      if (!comparison.peer().isEmpty()) {
        assertThat(benchmarks).contains(comparison.peer());
      }
    }
  }

  @Test
  void reportPutsTopologyRowsInTheirOwnSectionAndOthersInTheSubjectTable() {
    String md = BenchmarkReport.markdown(List.of(
        new Row("GetBench.read", "vela", 1, "thrpt", 40, 1, "ops/us", Double.NaN, Double.NaN),
        new Row("GetBench.read", "caffeine", 1, "thrpt", 50, 1, "ops/us", Double.NaN, Double.NaN),
        throughput("velaLocalGet", 42)));

    assertThat(md).contains("## GetBench.read — 1 thread(s)").contains("| vela | 40.000 | ±1.000 | ops/us | 0.80x |")
        .contains("## TopologyBench").contains("| get, LOCAL memory | `velaLocalGet` |  | 42,000,000 |");
    assertThat(md.substring(0, md.indexOf("## TopologyBench"))).doesNotContain("velaLocalGet");
  }
}
