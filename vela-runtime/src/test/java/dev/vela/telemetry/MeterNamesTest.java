package dev.vela.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefix rule the processor and the builder share, and how names are joined. */
class MeterNamesTest {

  @Test
  void aPartStartsWithALetterAndHoldsLettersDigitsAndUnderscores() {
    assertThat(List.of("vela", "cache", "Shop2", "user_cache", "a")).allMatch(MeterNames::isValidPrefixPart);
    assertThat(List.of("", "2nd", "_x", "my-app", "a.b", "a b", "é")).noneMatch(MeterNames::isValidPrefixPart);
    assertThat(MeterNames.isValidPrefixPart(null)).isFalse();
  }

  @Test
  void joinsThePrefixAndOperationWithDots() {
    assertThat(MeterNames.join(List.of("vela", "cache"), "invalidate_tag")).isEqualTo("vela.cache.invalidate_tag");
    assertThat(MeterNames.join(List.of(), "get")).isEqualTo("get");
  }

  @Test
  void refusesAnInvalidPartNamingIt() {
    assertThatThrownBy(() -> MeterNames.join(List.of("shop", "user-cache"), "get"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"user-cache\"");
  }
}
