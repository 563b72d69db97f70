package dev.vela.processor;

import dev.vela.processor.codec.CodecPlan;
import dev.vela.processor.codec.CodecPlanner;
import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.validation.CodecLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The codec plans of one cache, each type planned once: validation asks whether a plan exists, and
 * the writer uses the same plan. Planning's problems go into the cache's report.
 */
final class PlannedCodecs implements CodecLookup {
  private final CodecPlanner planner;
  private final TypeElement cache;
  private final CacheReport report;
  private final Map<String, CodecPlan> plans = new HashMap<>();

  PlannedCodecs(CodecPlanner planner, TypeElement cache, CacheReport report) {
    this.planner = planner;
    this.cache = cache;
    this.report = report;
  }

  @Override
  public Optional<String> unsupportedPart(TypeMirror type) {
    return plan(type) instanceof CodecPlan.Unsupported unsupported ? Optional.of(unsupported.path()) : Optional.empty();
  }

  /** The plan of {@code type}, a key or value type of this cache. */
  CodecPlan plan(TypeMirror type) {
    return plans.computeIfAbsent(type.toString(), ignored -> planner.plan(type, cache, report));
  }
}
