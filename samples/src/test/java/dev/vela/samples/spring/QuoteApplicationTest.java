package dev.vela.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's Spring sample command runs this application; it must show what the README promises. */
class QuoteApplicationTest {
  @Test
  void theApplicationCachesItsServiceInVela() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      QuoteApplication.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("cache manager: VelaCacheManager")
        .contains("quote VELA twice -> 1 lookup(s)")
        .contains("quote JAVA from 8 threads at once -> 1 lookup(s)")
        .contains("after publish, quote VELA -> 4200 cents")
        .contains("after refresh, quote VELA -> 2 lookup(s) in all")
        .contains("quotes cache: 2 entries");
  }
}
