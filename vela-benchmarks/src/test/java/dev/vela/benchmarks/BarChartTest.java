package dev.vela.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.benchmarks.BenchmarkReport.Row;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {
  private static final Pattern BAR_WIDTH = Pattern.compile("<rect x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"");

  private static List<Integer> widths(String svg) {
    Matcher matcher = BAR_WIDTH.matcher(svg);
    return matcher.results().map(result -> Integer.parseInt(result.group(1))).toList();
  }

  @Test
  void eachSectionHasItsOwnLinearScaleWhenItsBarsAreClose() {
    String svg = BarChart.svg(List.of(
        new Row("GetBench.read", "vela", 1, "thrpt", 50, 0, "ops/us", Double.NaN, Double.NaN),
        new Row("GetBench.read", "chm", 1, "thrpt", 100, 0, "ops/us", Double.NaN, Double.NaN),
        new Row("CodecBench.encode", "vela", 1, "avgt", 2, 0, "us/op", Double.NaN, Double.NaN)), "caption");

    assertThat(widths(svg)).containsExactly(210, 420, 420);
    assertThat(svg).contains("GetBench — ops/us<").contains("CodecBench — us/op<").doesNotContain("log scale");
  }

  @Test
  void sectionSpanningMoreThanAHundredfoldIsDrawnOnALogScaleWithTheSmallestBarVisible() {
    String svg = BarChart.svg(List.of(
        new Row("TopologyBench", "velaLocalGet", 1, "thrpt", 40, 0, "ops/us", Double.NaN, Double.NaN),
        new Row("TopologyBench", "velaRemoteGet", 1, "thrpt", 0.004, 0, "ops/us", Double.NaN, Double.NaN)), "caption");

    assertThat(svg).contains("TopologyBench — ops/us, log scale");
    List<Integer> widths = widths(svg);
    assertThat(widths.get(0)).isEqualTo(420);
    assertThat(widths.get(1)).isBetween(30, 45);
  }

  @Test
  void sampledRowsAreDrawnAsTheirMedianLatency() {
    String svg = BarChart.svg(List.of(
        new Row("TopologyBench", "velaRemoteGet", 1, "sample", 700, 0, "us/op", 100, 5000),
        new Row("TopologyBench", "hazelcastRemoteGet", 1, "sample", 600, 0, "us/op", 200, 6000)), "caption");

    assertThat(svg).contains("median latency, us/op").contains(">100.00 us/op<").contains(">200.00 us/op<");
    assertThat(widths(svg)).containsExactly(210, 420);
  }
}
