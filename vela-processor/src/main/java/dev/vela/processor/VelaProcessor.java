package dev.vela.processor;

import com.google.auto.service.AutoService;
import dev.vela.annotation.VelaCache;
import dev.vela.processor.writing.DeclarationList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks every {@code @VelaCache} interface and writes {@code Vela<Name>} for each valid one.
 * Interfaces that use types not generated yet wait for a later round. When the last round is over
 * it lists the generated caches in {@code META-INF/services} (see {@link DeclarationList}), unless
 * {@code -Avela.declaredCaches=false}.
 *
 * <p>For Gradle the processor is dynamic: aggregating while it writes that list, which names many
 * interfaces, and isolating without it.
 */
@AutoService(Processor.class)
public final class VelaProcessor extends AbstractProcessor {
  // by qualified name: elements of one round must not be kept for the next
  /** The option that turns the list of declared caches off ({@code false}); it is on otherwise. */
  static final String DECLARED_CACHES_OPTION = "vela.declaredCaches";

  private static final String GRADLE_AGGREGATING = "org.gradle.annotation.processing.aggregating";
  private static final String GRADLE_ISOLATING = "org.gradle.annotation.processing.isolating";

  private final Set<String> deferred = new LinkedHashSet<>();
  private CacheStep step;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    step = new CacheStep(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(VelaCache.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    // Gradle asks after init, and reads the incremental mode of a dynamic processor from here
    String mode = processingEnv == null || listsDeclaredCaches() ? GRADLE_AGGREGATING : GRADLE_ISOLATING;
    return Set.of(DECLARED_CACHES_OPTION, mode);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<String, TypeElement> candidates = new LinkedHashMap<>();
    Elements elements = processingEnv.getElementUtils();
    for (String name : deferred) {
      TypeElement element = elements.getTypeElement(name);
      if (element != null) {
        candidates.put(name, element);
      }
    }
    for (Element element : round.getElementsAnnotatedWith(VelaCache.class)) {
      if (element instanceof TypeElement type) {
        candidates.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    deferred.clear();
    candidates.forEach((name, element) -> {
      if (step.process(element, round.processingOver())) {
        deferred.add(name);
      }
    });
    if (!round.processingOver()) {
      // files written in the last round would not be compiled
      step.finishRound();
    } else if (listsDeclaredCaches()) {
      step.finishCompilation();
    }
    return false;
  }

  private boolean listsDeclaredCaches() {
    return !"false".equalsIgnoreCase(processingEnv.getOptions().get(DECLARED_CACHES_OPTION));
  }
}
