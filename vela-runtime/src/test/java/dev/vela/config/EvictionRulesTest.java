package dev.vela.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import org.junit.jupiter.api.Test;

/** The one definition of the limit rules that processor and builder both apply. */
class EvictionRulesTest {

  private static EvictionRules.Limits limits(Backend backend, long maxSize, long maxWeight, boolean weigher,
      EvictionPolicy policy) {
    return new EvictionRules.Limits(backend, maxSize, maxWeight, weigher, policy);
  }

  @Test
  void aLimitWithoutAPolicyIsAdaptiveAndNoLimitIsTtlOnly() {
    assertThat(limits(Backend.MEMORY, 100, -1, false, null).effectivePolicy()).isEqualTo(EvictionPolicy.ADAPTIVE);
    assertThat(limits(Backend.MEMORY, -1, 100, true, null).effectivePolicy()).isEqualTo(EvictionPolicy.ADAPTIVE);
    assertThat(limits(Backend.MEMORY, -1, -1, false, null).effectivePolicy()).isEqualTo(EvictionPolicy.TTL_ONLY);
    assertThat(limits(Backend.MEMORY, 100, -1, false, EvictionPolicy.LFU).effectivePolicy())
        .isEqualTo(EvictionPolicy.LFU);
    assertThat(limits(Backend.MEMORY, 100, -1, false, null).problem()).isEmpty();
  }

  @Test
  void eachBrokenRuleNamesTheSettingToCorrect() {
    assertThat(limits(Backend.MEMORY, 100, -1, false, EvictionPolicy.TTL_ONLY).problem()).get()
        .satisfies(p -> {
          assertThat(p.setting()).isEqualTo(EvictionRules.Setting.MAX_SIZE);
          assertThat(p.message()).contains("ADAPTIVE");
        });
    assertThat(limits(Backend.MEMORY, 100, 50, true, null).problem()).get()
        .extracting(EvictionRules.Problem::setting).isEqualTo(EvictionRules.Setting.MAX_WEIGHT);
    assertThat(limits(Backend.MEMORY, -1, -1, true, null).problem()).get()
        .extracting(EvictionRules.Problem::setting).isEqualTo(EvictionRules.Setting.WEIGHER);
    assertThat(limits(Backend.MEMORY, -1, -1, false, EvictionPolicy.LRU).problem()).get()
        .extracting(EvictionRules.Problem::setting).isEqualTo(EvictionRules.Setting.EVICTION_POLICY);
    assertThat(limits(Backend.MEMORY, 0, -1, false, null).problem()).get()
        .extracting(EvictionRules.Problem::message).asString().contains("maxSize must be -1");
  }

  @Test
  void redisTakesNoLimitAndSaysWhereRedisIsBounded() {
    assertThat(limits(Backend.REDIS, 1000, -1, false, null).problem()).get()
        .satisfies(p -> {
          assertThat(p.setting()).isEqualTo(EvictionRules.Setting.MAX_SIZE);
          assertThat(p.message()).contains("maxmemory-policy");
        });
    assertThat(limits(Backend.REDIS, -1, -1, false, null).problem()).isEmpty();
  }

  @Test
  void diskIsBoundedByEntriesOnly() {
    assertThat(limits(Backend.DISK, -1, 1000, true, null).problem()).get()
        .satisfies(p -> {
          assertThat(p.setting()).isEqualTo(EvictionRules.Setting.MAX_WEIGHT);
          assertThat(p.message()).contains("cannot bound a DISK cache");
        });
    assertThat(limits(Backend.DISK, 1000, -1, false, null).problem()).isEmpty();
  }
}
