package dev.vela.processor.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The attribute values of one {@code @VelaCache} (or nested {@code @Option}) annotation, defaults
 * included, each with the source position of the value when it is written out.
 */
final class VelaCacheAttributes {
  static final String NAME = "name";
  static final String BACKEND = "backend";
  static final String BACKEND_OPTS = "backendOpts";
  static final String TOPOLOGY = "topology";
  static final String TOPOLOGY_OPTS = "topologyOpts";
  static final String DEFAULT_TTL = "defaultTtl";
  static final String MAX_SIZE = "maxSize";
  static final String MAX_WEIGHT = "maxWeight";
  static final String WEIGHER = "weigher";
  static final String EVICTION_POLICY = "evictionPolicy";
  static final String STAMPEDE_PROTECTION = "stampedeProtection";
  static final String STAMPEDE_TIMEOUT = "stampedeTimeout";
  static final String STATS_ENABLED = "statsEnabled";
  static final String TELEMETRY_PREFIX = "telemetryPrefix";
  static final String SWEEP_INTERVAL = "sweepInterval";
  static final String NEAR_CACHE = "nearCache";
  static final String NEAR_CACHE_L1_TTL = "nearCacheL1Ttl";
  /** The value of a nested {@code @Option}; its name is {@link #NAME}. */
  static final String OPTION_VALUE = "value";

  // what each attribute's value must be; anything else is an unresolved constant, to be tried again
  private static final Map<String, Class<?>> EXPECTED = Map.ofEntries(
      Map.entry(NAME, String.class),
      Map.entry(BACKEND, VariableElement.class),
      Map.entry(BACKEND_OPTS, AnnotationMirror.class),
      Map.entry(TOPOLOGY, VariableElement.class),
      Map.entry(TOPOLOGY_OPTS, AnnotationMirror.class),
      Map.entry(DEFAULT_TTL, String.class),
      Map.entry(MAX_SIZE, Long.class),
      Map.entry(MAX_WEIGHT, Long.class),
      Map.entry(WEIGHER, TypeMirror.class),
      Map.entry(EVICTION_POLICY, VariableElement.class),
      Map.entry(STAMPEDE_PROTECTION, Boolean.class),
      Map.entry(STAMPEDE_TIMEOUT, String.class),
      Map.entry(STATS_ENABLED, Boolean.class),
      Map.entry(TELEMETRY_PREFIX, String.class),
      Map.entry(SWEEP_INTERVAL, String.class),
      Map.entry(NEAR_CACHE, Boolean.class),
      Map.entry(NEAR_CACHE_L1_TTL, String.class),
      // the two attributes of a nested @Option
      Map.entry(OPTION_VALUE, String.class));

  private static final String UNRESOLVED_CONSTANT = "<error>";

  private final AnnotationMirror mirror;
  private final Map<String, AnnotationValue> values = new HashMap<>();
  private final Map<String, AnnotationValue> written = new HashMap<>();

  private VelaCacheAttributes(
      AnnotationMirror mirror, Map<? extends ExecutableElement, ? extends AnnotationValue> all) {
    this.mirror = mirror;
    all.forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
    mirror.getElementValues().forEach((method, value) -> written.put(method.getSimpleName().toString(), value));
  }

  /** The attributes of {@code mirror}, with the defaults of those not written. */
  static VelaCacheAttributes of(AnnotationMirror mirror, Elements elements) {
    return new VelaCacheAttributes(mirror, elements.getElementValuesWithDefaults(mirror));
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /**
   * The written value of {@code attribute}, to print a problem on; null when the attribute takes its
   * default, so that the problem lands on the annotation.
   */
  AnnotationValue at(String attribute) {
    return written.get(attribute);
  }

  /**
   * The first attribute whose value is not of its declared type, as the compiler leaves a constant
   * it cannot resolve yet; empty when all are well formed, including those of nested options.
   */
  Optional<String> firstMalformed(Elements elements) {
    for (Map.Entry<String, AnnotationValue> entry : values.entrySet()) {
      Class<?> expected = EXPECTED.get(entry.getKey());
      if (expected == null || !isWellFormed(entry.getValue(), expected, elements)) {
        return Optional.of("the value of " + entry.getKey() + " (" + entry.getValue() + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean isWellFormed(AnnotationValue annotationValue, Class<?> expected, Elements elements) {
    // javac hands an unresolved constant over as a value that prints as <error>, whatever its type
    if (annotationValue.toString().equals(UNRESOLVED_CONSTANT)) {
      return false;
    }
    Object value = annotationValue.getValue();
    if (value instanceof List<?> list) {
      return list.stream()
          .allMatch(item -> item instanceof AnnotationValue element && isWellFormed(element, expected, elements));
    }
    if (value instanceof AnnotationMirror option) {
      return expected == AnnotationMirror.class && of(option, elements).firstMalformed(elements).isEmpty();
    }
    return expected.isInstance(value);
  }

  String string(String attribute) {
    return (String) values.get(attribute).getValue();
  }

  long longValue(String attribute) {
    return (Long) values.get(attribute).getValue();
  }

  TypeMirror type(String attribute) {
    return (TypeMirror) values.get(attribute).getValue();
  }

  boolean bool(String attribute) {
    return (Boolean) values.get(attribute).getValue();
  }

  <E extends Enum<E>> E enumValue(String attribute, Class<E> type) {
    VariableElement constant = (VariableElement) values.get(attribute).getValue();
    return Enum.valueOf(type, constant.getSimpleName().toString());
  }

  /** The elements of an array attribute, each with its own position. */
  List<AnnotationValue> list(String attribute) {
    Object value = values.get(attribute).getValue();
    return ((List<?>) value).stream().map(AnnotationValue.class::cast).toList();
  }
}
