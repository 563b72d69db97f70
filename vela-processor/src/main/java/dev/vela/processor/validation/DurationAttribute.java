package dev.vela.processor.validation;

import dev.vela.config.DurationLimits;
import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.model.DurationSetting;
import java.util.Optional;

/**
 * The duration attributes of {@code @VelaCache}, each checked by the rule the builder applies to
 * its setter ({@link DurationLimits}).
 */
enum DurationAttribute {
  DEFAULT_TTL(VelaCacheAttributes.DEFAULT_TTL, DurationLimits.DEFAULT_TTL),
  STAMPEDE_TIMEOUT(VelaCacheAttributes.STAMPEDE_TIMEOUT, DurationLimits.STAMPEDE_TIMEOUT),
  SWEEP_INTERVAL(VelaCacheAttributes.SWEEP_INTERVAL, DurationLimits.SWEEP_INTERVAL),
  NEAR_CACHE_L1_TTL(VelaCacheAttributes.NEAR_CACHE_L1_TTL, DurationLimits.NEAR_CACHE_L1_TTL);

  private final String attribute;
  private final DurationLimits rule;

  DurationAttribute(String attribute, DurationLimits rule) {
    this.attribute = attribute;
    this.rule = rule;
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
    Optional<DurationLimits.Problem> problem = rule.problem(duration.value());
    if (problem.isEmpty()) {
      return Optional.of(duration);
    }
    switch (problem.get()) {
      case INFINITE -> problems.add(Message.INFINITE_NOT_ALLOWED, attributes.at(attribute), attribute,
          rule.whyFinite(), rule.finiteExample());
      case NOT_POSITIVE -> problems.add(Message.NON_POSITIVE_DURATION, attributes.at(attribute),
          attribute, text, duration.value().isZero() ? "zero" : "negative");
    }
    return Optional.empty();
  }
}
