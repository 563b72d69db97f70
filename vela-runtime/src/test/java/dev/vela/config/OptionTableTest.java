package dev.vela.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's option tables say what the option catalogue says. When the catalogue changes on
 * purpose, run this test with {@code -Dvela.readme.write=true} to write the tables into the README.
 */
class OptionTableTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmeHoldsEveryTableAsTheCatalogueWritesIt() throws IOException {
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<String> expected = withTables(readme);
    if (Boolean.getBoolean("vela.readme.write")) {
      Files.write(README, expected, StandardCharsets.UTF_8);
      readme = expected;
    }
    assertThat(String.join("\n", readme))
        .as("README.md's option tables differ from dev.vela.config.OptionCatalog; rerun with -Dvela.readme.write=true"
            + " if the catalogue changed on purpose")
        .isEqualTo(String.join("\n", expected));
  }

  @Test
  void everyOptionIsInATableAndEveryTableHasAnOption() {
    for (OptionCatalog option : OptionCatalog.values()) {
      assertThat(List.of(OptionTable.values()))
          .as(option.optionName())
          .anyMatch(table -> table.lines().stream().anyMatch(line -> line.startsWith("| `" + option.optionName() + "`")));
    }
    for (OptionTable table : OptionTable.values()) {
      assertThat(table.lines()).as(table.name()).hasSizeGreaterThan(2);
    }
  }

  /** The README with each table between its markers replaced by the catalogue's. */
  private static List<String> withTables(List<String> readme) {
    List<String> out = new ArrayList<>();
    List<OptionTable> found = new ArrayList<>();
    OptionTable open = null;
    for (String line : readme) {
      if (open == null) {
        out.add(line);
        for (OptionTable table : OptionTable.values()) {
          if (line.equals(table.begin())) {
            open = table;
            found.add(table);
            out.addAll(table.lines());
          }
        }
      } else if (line.equals(OptionTable.END)) {
        out.add(line);
        open = null;
      }
    }
    assertThat(open).as("a table marker is not closed by " + OptionTable.END).isNull();
    assertThat(found).as("the tables marked in README.md").containsExactlyInAnyOrder(OptionTable.values());
    return out;
  }
}
