package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.config.CacheNameRule;
import dev.vela.config.EvictionRules;
import dev.vela.config.OptionCatalog;
import dev.vela.telemetry.MeterNames;
import dev.vela.processor.model.CacheSettings;
import dev.vela.processor.model.DurationSetting;
import dev.vela.processor.model.OptionSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks every attribute of {@code @VelaCache} except the types: name, options,
 * durations, size and eviction, telemetry prefix, the libraries the backend and topology need, and
 * settings that do nothing.
 */
final class SettingsReader {
  private final Elements elements;
  private final Types types;
  private final CacheNames names;

  SettingsReader(Elements elements, Types types, CacheNames names) {
    this.elements = elements;
    this.types = types;
    this.names = names;
  }

  /** The settings of {@code element}, or empty when any attribute has an error (each one added to {@code problems}). */
  Optional<CacheSettings> read(TypeElement element, VelaCacheAttributes attributes, CacheReport problems) {
    Backend backend = attributes.enumValue(VelaCacheAttributes.BACKEND, Backend.class);
    Topology topology = attributes.enumValue(VelaCacheAttributes.TOPOLOGY, Topology.class);
    int errorsBefore = problems.errorCount();

    String name = readName(element, attributes, problems);
    OptionsCheck options = new OptionsCheck(elements, backend, topology);
    List<OptionSetting> backendOptions = options.read(attributes, OptionCatalog.Kind.BACKEND, problems);
    List<OptionSetting> topologyOptions = options.read(attributes, OptionCatalog.Kind.TOPOLOGY, problems);
    checkLibraries(backend, topology, attributes, problems);
    Optional<DurationSetting> defaultTtl = DurationAttribute.DEFAULT_TTL.read(attributes, problems);
    long maxSize = attributes.longValue(VelaCacheAttributes.MAX_SIZE);
    long maxWeight = attributes.longValue(VelaCacheAttributes.MAX_WEIGHT);
    Optional<String> weigher = new WeigherCheck(elements, types).read(attributes, problems);
    boolean policyWritten = attributes.at(VelaCacheAttributes.EVICTION_POLICY) != null;
    EvictionRules.Limits limits = new EvictionRules.Limits(backend, maxSize, maxWeight,
        hasWeigher(attributes), policyWritten
            ? attributes.enumValue(VelaCacheAttributes.EVICTION_POLICY, EvictionPolicy.class) : null);
    limits.problem().ifPresent(problem ->
        problems.add(Message.EVICTION_LIMIT, attributes.at(attributeOf(problem.setting())), problem.message()));
    Optional<DurationSetting> stampedeTimeout = DurationAttribute.STAMPEDE_TIMEOUT.read(attributes, problems);
    List<String> telemetryPrefix = readTelemetryPrefix(attributes, problems);
    Optional<DurationSetting> sweepInterval = DurationAttribute.SWEEP_INTERVAL.read(attributes, problems);
    boolean nearCache = attributes.bool(VelaCacheAttributes.NEAR_CACHE);
    if (nearCache && backend == Backend.MEMORY && topology == Topology.LOCAL) {
      problems.add(Message.USELESS_NEAR_CACHE, attributes.at(VelaCacheAttributes.NEAR_CACHE));
    }
    Optional<DurationSetting> nearCacheL1Ttl = DurationAttribute.NEAR_CACHE_L1_TTL.read(attributes, problems);

    if (problems.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new CacheSettings(
        name, backend, backendOptions, topology, topologyOptions, defaultTtl.orElseThrow(), maxSize,
        limits.effectivePolicy(), attributes.bool(VelaCacheAttributes.STAMPEDE_PROTECTION), stampedeTimeout.orElseThrow(),
        attributes.bool(VelaCacheAttributes.STATS_ENABLED), telemetryPrefix, sweepInterval.orElseThrow(), nearCache,
        nearCacheL1Ttl.orElseThrow(), maxWeight, weigher, policyWritten));
  }

  private String readName(TypeElement element, VelaCacheAttributes attributes, CacheReport problems) {
    String written = attributes.string(VelaCacheAttributes.NAME);
    AnnotationValue at = attributes.at(VelaCacheAttributes.NAME);
    String name = written.isEmpty() ? element.getSimpleName().toString() : written;
    Optional<String> problem = written.isEmpty() ? Optional.empty() : CacheNameRule.problem(written);
    if (problem.isPresent()) { // the builder's rule, so a name accepted here is accepted there
      problems.add(Message.BAD_NAME, at, written, problem.get());
      return name;
    }
    String interfaceName = element.getQualifiedName().toString();
    names.claim(name, interfaceName)
        .ifPresent(other -> problems.add(Message.DUPLICATE_NAME, at, name, other, interfaceName));
    return name;
  }

  private void checkLibraries(
      Backend backend, Topology topology, VelaCacheAttributes attributes, CacheReport problems) {
    OptionalLibrary.of(backend)
        .filter(library -> !library.isPresent(elements))
        .ifPresent(library -> problems.add(Message.MISSING_LIBRARY, attributes.at(VelaCacheAttributes.BACKEND),
            "backend " + backend, library.probeClass(), library.coordinates()));
    OptionalLibrary.of(topology)
        .filter(library -> !library.isPresent(elements))
        .ifPresent(library -> problems.add(Message.MISSING_LIBRARY, attributes.at(VelaCacheAttributes.TOPOLOGY),
            "topology " + topology, library.probeClass(), library.coordinates()));
  }

  private static boolean hasWeigher(VelaCacheAttributes attributes) {
    return attributes.type(VelaCacheAttributes.WEIGHER).getKind() != TypeKind.VOID;
  }

  /** The attribute a broken size rule is printed on. */
  private static String attributeOf(EvictionRules.Setting setting) {
    return switch (setting) {
      case MAX_SIZE -> VelaCacheAttributes.MAX_SIZE;
      case MAX_WEIGHT -> VelaCacheAttributes.MAX_WEIGHT;
      case WEIGHER -> VelaCacheAttributes.WEIGHER;
      case EVICTION_POLICY -> VelaCacheAttributes.EVICTION_POLICY;
    };
  }

  private static List<String> readTelemetryPrefix(VelaCacheAttributes attributes, CacheReport problems) {
    List<String> parts = new ArrayList<>();
    for (AnnotationValue part : attributes.list(VelaCacheAttributes.TELEMETRY_PREFIX)) {
      String text = (String) part.getValue();
      if (!MeterNames.isValidPrefixPart(text)) { // the builder applies the same rule
        problems.add(Message.BAD_TELEMETRY_PREFIX, part, text);
      }
      parts.add(text);
    }
    return parts;
  }
}
