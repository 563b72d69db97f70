package dev.vela.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this tour; it must run to the end and show what it promises. */
class TourTest {
  @Test
  void theTourRunsAndShowsEachFeature() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      Tour.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("get B-1      -> The Pragmatic Programmer")
        .contains("get G-1      -> (expired)")
        .contains("get T-1      -> Hammer")
        .contains("invalidateTag removes 2")
        .contains("the fetcher ran 1 time(s)")
        .containsPattern("dumped \\d+ entries to a file, loaded \\d+ into a new cache")
        .containsPattern("(\\d+) entries written on node A; node B reads SKU-4 -> 40\\R"
            + "size\\(\\) over the cluster: \\1;")
        .contains("putAll over keys of both nodes is refused");
  }
}
