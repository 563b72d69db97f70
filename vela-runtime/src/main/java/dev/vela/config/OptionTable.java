package dev.vela.config;

import dev.vela.annotation.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The README's option tables, written from the {@link OptionCatalog}: one for the DISK backend, one
 * for REDIS, one for the cluster topologies. A test compares them with the README, so the README
 * says what the catalogue says.
 */
public enum OptionTable {
  /** The DISK backend's options. */
  DISK(option -> option.kind() == OptionCatalog.Kind.BACKEND && option.appliesToNames().contains("DISK")),
  /** The REDIS backend's options. */
  REDIS(option -> option.kind() == OptionCatalog.Kind.BACKEND && option.appliesToNames().contains("REDIS")),
  /** The options of the REPLICATED and PARTITIONED topologies. */
  CLUSTER(option -> option.kind() == OptionCatalog.Kind.TOPOLOGY);

  private final Predicate<OptionCatalog> includes;

  OptionTable(Predicate<OptionCatalog> includes) {
    this.includes = includes;
  }

  /** The marker that opens this table in the README; {@link #END} closes it. */
  public String begin() {
    return "<!-- options:" + name().toLowerCase(Locale.ROOT) + " (written from dev.vela.config.OptionCatalog) -->";
  }

  /** The marker that closes a table in the README. */
  public static final String END = "<!-- /options -->";

  /** The table in Markdown, a line each for the header, the rule and every option. */
  public List<String> lines() {
    List<String> rows = new ArrayList<>();
    rows.add("| option | value | default | meaning |");
    rows.add("|---|---|---|---|");
    Arrays.stream(OptionCatalog.values()).filter(includes).forEach(option -> rows.add("| `" + option.optionName()
        + "` | " + cell(option.syntax().summary()) + " | " + cell(option.defaultDoc()) + " | " + only(option)
        + cell(option.description()) + " |"));
    return List.copyOf(rows);
  }

  /** {@code text} as one cell: a bar in it would otherwise end the cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private String only(OptionCatalog option) {
    if (this != CLUSTER || option.appliesToNames().size() == Topology.values().length - 1) {
      return "";
    }
    return String.join(" and ", option.appliesToNames()) + " only: ";
  }
}
