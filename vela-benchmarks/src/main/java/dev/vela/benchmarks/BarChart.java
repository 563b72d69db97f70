package dev.vela.benchmarks;

import java.util.List;
import java.util.Locale;

/** Draws benchmark scores as a horizontal bar chart in SVG, one bar per row, grouped by benchmark. */
final class BarChart {
  private static final int BAR_HEIGHT = 16;
  private static final int GAP = 4;
  private static final int LABEL_WIDTH = 330;
  private static final int PLOT_WIDTH = 420;

  private BarChart() {}

  static String svg(List<BenchmarkReport.Row> rows, String caption) {
    double max = rows.stream().mapToDouble(BenchmarkReport.Row::score).max().orElse(1);
    int height = 40 + rows.size() * (BAR_HEIGHT + GAP) + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
        LABEL_WIDTH + PLOT_WIDTH + 120, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"18\" font-size=\"12\">%s</text>%n", escape(caption)));
    int y = 34;
    for (BenchmarkReport.Row row : rows) {
      int width = (int) Math.max(1, Math.round(row.score() / max * PLOT_WIDTH));
      String color = row.subject().startsWith("vela") ? "#2b6cb0" : "#a0aec0";
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_WIDTH - 6, y + BAR_HEIGHT - 4,
          escape(row.benchmark() + " t=" + row.threads() + " " + row.subject())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
          LABEL_WIDTH, y, width, BAR_HEIGHT, color));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.2f %s</text>%n",
          LABEL_WIDTH + width + 4, y + BAR_HEIGHT - 4, row.score(), escape(row.unit())));
      y += BAR_HEIGHT + GAP;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
