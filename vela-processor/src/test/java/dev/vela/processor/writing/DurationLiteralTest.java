package dev.vela.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.processor.model.DurationSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationLiteralTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "250ms       | java.time.Duration.ofMillis(250)",
      "60s         | java.time.Duration.ofSeconds(60)",
      "5m          | java.time.Duration.ofMinutes(5)",
      "2h          | java.time.Duration.ofHours(2)",
      "1d          | java.time.Duration.ofDays(1)",
      "' 90s '     | java.time.Duration.ofSeconds(90)",
      "9999999999s | java.time.Duration.ofSeconds(9999999999L)",
      "infinity    | dev.vela.Expiry.NEVER",
      "PT90M       | java.time.Duration.ofMinutes(90)",
      "PT1H        | java.time.Duration.ofHours(1)",
      "P2D         | java.time.Duration.ofDays(2)",
      "PT45S       | java.time.Duration.ofSeconds(45)",
      "PT1.5S      | java.time.Duration.ofMillis(1500)",
      "PT0.000001S | java.time.Duration.parse(\"PT0.000001S\")"})
  void writesTheSimplestExactExpression(String written, String expected) {
    assertThat(DurationLiteral.of(DurationSetting.parse(written)).toString()).isEqualTo(expected);
  }
}
