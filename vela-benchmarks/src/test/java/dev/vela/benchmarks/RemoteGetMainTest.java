package dev.vela.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny run of {@link RemoteGetMain} (a few hundred milliseconds of measurement, real server and client JVMs
 * on 127.0.0.1), so that the benchmark keeps working; its figures mean nothing.
 */
class RemoteGetMainTest {

  @Test
  void measuresVelaAndThePingPongInSeparateJvms() throws Exception {
    RemoteGetMain.Settings settings = new RemoteGetMain.Settings(
        List.of(RemoteProduct.VELA, RemoteProduct.TCP), new int[] {1, 2}, Duration.ofMillis(100), Duration.ofMillis(300),
        null);

    RemoteGetReport report = RemoteGetMain.run(settings);

    for (RemoteProduct product : settings.products()) {
      for (int threads : settings.threads()) {
        RemoteGetReport.Row row = report.row(product, "get", threads).orElseThrow();
        assertThat(row.opsPerSecond()).as(product + " at " + threads).isPositive();
        assertThat(row.p99Micros()).isGreaterThanOrEqualTo(row.p50Micros()).isPositive();
      }
    }
    assertThat(report.row(RemoteProduct.VELA, "getAll" + RemoteGetClient.BULK, 1)).isPresent();
    assertThat(report.row(RemoteProduct.VELA, "get" + RemoteGetClient.BULK, 1)).isPresent();
    assertThat(report.markdown("")).contains("| 2 |", "Vela", "TCP ping-pong");
  }
}
