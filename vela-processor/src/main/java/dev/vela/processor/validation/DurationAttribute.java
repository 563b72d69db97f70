package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.model.DurationSetting;
import java.util.Optional;

/** The duration attributes of {@code @VelaCache}, and whether each may be "infinity". */
enum DurationAttribute {
  DEFAULT_TTL(VelaCacheAttributes.DEFAULT_TTL, null, null),
  STAMPEDE_TIMEOUT(VelaCacheAttributes.STAMPEDE_TIMEOUT,
      "because a caller would wait forever for another caller's fetch", "5s"),
  SWEEP_INTERVAL(VelaCacheAttributes.SWEEP_INTERVAL, null, null),
  NEAR_CACHE_L1_TTL(VelaCacheAttributes.NEAR_CACHE_L1_TTL,
      "because the near cache's entries must expire to bound how stale a lost invalidation leaves them", "60s");

  private final String attribute;
  private final String whyFinite;
  private final String finiteExample;

  /** {@code whyFinite} is null when "infinity" is allowed. */
  DurationAttribute(String attribute, String whyFinite, String finiteExample) {
    this.attribute = attribute;
    this.whyFinite = whyFinite;
    this.finiteExample = finiteExample;
  }

  /** Parses this attribute, adding a problem and returning empty when it is not a valid duration here. */
  Optional<DurationSetting> read(VelaCacheAttributes attributes, CacheReport problems) {
    String text = attributes.string(attribute);
    DurationSetting duration;
    try {
      duration = DurationSetting.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(Message.BAD_DURATION, attributes.at(attribute), attribute, e.getMessage());
      return Optional.empty();
    }
    if (duration.isInfinite()) {
      if (whyFinite != null) {
        problems.add(Message.INFINITE_NOT_ALLOWED, attributes.at(attribute), attribute, whyFinite, finiteExample);
        return Optional.empty();
      }
      return Optional.of(duration);
    }
    if (duration.value().isZero() || duration.value().isNegative()) {
      problems.add(Message.NON_POSITIVE_DURATION, attributes.at(attribute),
          attribute, text, duration.value().isZero() ? "zero" : "negative");
      return Optional.empty();
    }
    return Optional.of(duration);
  }
}
