package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The codes of a partitioned request's hop and of a fetch claim's answer are fixed, and unknown ones are refused. */
class WireCodesTest {

  @Test
  void hopsKeepTheirCodesAndAnUnknownHopIsAnError() {
    assertThat(Hop.ROUTED.code()).isZero();
    assertThat(Hop.FORWARDED.code()).isEqualTo(1);
    assertThat(Hop.DIRECT.code()).isEqualTo(2);
    for (Hop hop : Hop.values()) {
      assertThat(Hop.of(hop.code())).isSameAs(hop);
    }
    assertThatThrownBy(() -> Hop.of(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown hop code 3");
  }

  @Test
  void claimAnswersKeepTheirCodesAndAnUnknownAnswerIsAnError() {
    assertThat(FetchClaims.Answer.VALUE.code()).isZero();
    assertThat(FetchClaims.Answer.GRANTED.code()).isEqualTo(1);
    assertThat(FetchClaims.Answer.RETRY.code()).isEqualTo(2);
    for (FetchClaims.Answer answer : FetchClaims.Answer.values()) {
      assertThat(FetchClaims.Answer.of(answer.code())).isSameAs(answer);
    }
    assertThatThrownBy(() -> FetchClaims.Answer.of(7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown fetch claim answer code 7");
  }
}
