package dev.vela.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.annotation.VelaCache;
import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.model.CacheModel;
import dev.vela.processor.model.CacheSettings;
import dev.vela.processor.model.CacheType;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @VelaCache} interface completely, reporting every problem rather than stopping
 * at the first, and builds its model only when there is no error. One validator serves a whole
 * compilation, so that it sees every cache name.
 */
public final class CacheValidator {
  private final Elements elements;
  private final UnresolvedTypes unresolved;
  private final DeclarationCheck declaration;
  private final SettingsReader settings;
  private final WeigherCheck weighers;

  /** A validator for the compilation of {@code env}. */
  public CacheValidator(ProcessingEnvironment env) {
    Objects.requireNonNull(env, "env");
    this.elements = env.getElementUtils();
    this.unresolved = new UnresolvedTypes(env.getTypeUtils());
    this.declaration = new DeclarationCheck(elements, env.getTypeUtils());
    this.settings = new SettingsReader(elements, env.getTypeUtils(), new CacheNames());
    this.weighers = new WeigherCheck(elements, env.getTypeUtils());
  }

  /**
   * An empty report for {@code element}, placing problems on its {@code @VelaCache}.
   *
   * @throws IllegalArgumentException when {@code element} has no {@code @VelaCache}
   */
  public static CacheReport reportFor(TypeElement element) {
    return new CacheReport(element, velaCacheOn(element));
  }

  /**
   * Checks {@code element}, which carries {@code @VelaCache}, asking {@code codecs} (which plans
   * for this element) whether its types can be turned into bytes when the configuration needs that,
   * and adds every problem to {@code problems}, the cache's report (see {@link #reportFor}), which
   * codec planning writes into too.
   *
   * @throws IllegalArgumentException when {@code element} has no {@code @VelaCache}
   */
  public Validation validate(TypeElement element, CodecLookup codecs, CacheReport problems) {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(codecs, "codecs");
    Objects.requireNonNull(problems, "problems");
    AnnotationMirror mirror = velaCacheOn(element);
    VelaCacheAttributes attributes = VelaCacheAttributes.of(mirror, elements);
    Optional<String> unknown = attributes.firstMalformed(elements).or(() -> unresolved.find(element));
    if (unknown.isPresent()) {
      return new Validation.Deferred(element, unknown.get());
    }

    Optional<CacheTypeArguments> arguments = declaration.check(element, problems);
    Optional<CacheSettings> cacheSettings = settings.read(element, attributes, problems);
    Backend backend = attributes.enumValue(VelaCacheAttributes.BACKEND, Backend.class);
    Topology topology = attributes.enumValue(VelaCacheAttributes.TOPOLOGY, Topology.class);
    arguments.ifPresent(types -> CodecCheck.check(element, types, backend, topology, codecs, problems));
    if (arguments.isPresent() && cacheSettings.flatMap(CacheSettings::weigher).isPresent()) {
      weighers.checkTypeArguments(element, attributes, arguments.get(), problems);
    }

    if (problems.errorCount() > 0 || arguments.isEmpty() || cacheSettings.isEmpty()) {
      return new Validation.Rejected(element);
    }
    CacheModel model = new CacheModel(
        element,
        ClassName.get(element),
        CacheType.of(arguments.get().key()),
        CacheType.of(arguments.get().value()),
        cacheSettings.get());
    return new Validation.Accepted(model);
  }

  private static AnnotationMirror velaCacheOn(TypeElement element) {
    String wanted = VelaCache.class.getCanonicalName();
    return element.getAnnotationMirrors().stream()
        .filter(mirror -> ((TypeElement) mirror.getAnnotationType().asElement())
            .getQualifiedName().contentEquals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(element + " has no @" + wanted));
  }
}
