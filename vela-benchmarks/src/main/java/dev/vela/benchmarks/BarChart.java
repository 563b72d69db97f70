package dev.vela.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws benchmark scores as a horizontal bar chart in SVG, one bar per row, in one section per
 * benchmark class and mode, each with its own scale: a SampleTime row is drawn as its median
 * latency, any other row as its score. A section whose largest bar is more than 100 times its
 * smallest (a local get beside a network call) is drawn on a log scale, and says so.
 */
final class BarChart {
  private static final int BAR_HEIGHT = 16;
  private static final int GAP = 4;
  private static final int SECTION_GAP = 26;
  private static final int LABEL_WIDTH = 330;
  private static final int PLOT_WIDTH = 420;
  private static final double LOG_SCALE_ABOVE = 100;

  private BarChart() {}

  static String svg(List<BenchmarkReport.Row> rows, String caption) {
    Map<String, List<BenchmarkReport.Row>> sections = new LinkedHashMap<>();
    for (BenchmarkReport.Row row : rows) {
      sections.computeIfAbsent(row.benchmarkClass() + " " + row.mode(), k -> new ArrayList<>()).add(row);
    }
    int height = 40 + sections.size() * SECTION_GAP + rows.size() * (BAR_HEIGHT + GAP) + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
        LABEL_WIDTH + PLOT_WIDTH + 120, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"18\" font-size=\"12\">%s</text>%n", escape(caption)));
    int y = 34;
    for (List<BenchmarkReport.Row> section : sections.values()) {
      y = section(svg, section, y + SECTION_GAP);
    }
    return svg.append("</svg>\n").toString();
  }

  /** Draws one section's title and bars from {@code y} (the title's baseline); returns where the next begins. */
  private static int section(StringBuilder svg, List<BenchmarkReport.Row> rows, int y) {
    double max = rows.stream().mapToDouble(BarChart::value).max().orElse(1);
    double min = rows.stream().mapToDouble(BarChart::value).filter(v -> v > 0).min().orElse(max);
    boolean log = max / min > LOG_SCALE_ABOVE;
    BenchmarkReport.Row first = rows.get(0);
    String title = first.benchmarkClass() + " — " + (isSampled(first) ? "median latency, " : "") + first.unit()
        + (log ? ", log scale" : "") + (isSampled(first) ? " (shorter is better)" : "");
    svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y - 6,
        escape(title)));
    for (BenchmarkReport.Row row : rows) {
      double value = value(row);
      double share = log
          // the smallest bar keeps a tenth of the width, so that it stays visible
          ? (Math.log10(value / min) + 0.1 * Math.log10(max / min)) / (1.1 * Math.log10(max / min))
          : value / max;
      int width = (int) Math.max(1, Math.round(share * PLOT_WIDTH));
      String color = row.subject().startsWith("vela") ? "#2b6cb0" : "#a0aec0";
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_WIDTH - 6, y + BAR_HEIGHT - 4,
          escape(row.benchmark() + " t=" + row.threads() + " " + row.subject())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
          LABEL_WIDTH, y, width, BAR_HEIGHT, color));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %s</text>%n",
          LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 4, number(value), escape(row.unit())));
      y += BAR_HEIGHT + GAP;
    }
    return y;
  }

  private static boolean isSampled(BenchmarkReport.Row row) {
    return row.mode().equals("sample");
  }

  private static double value(BenchmarkReport.Row row) {
    return isSampled(row) ? row.p50() : row.score();
  }

  private static String number(double value) {
    return value >= 0.01 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.2g", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
