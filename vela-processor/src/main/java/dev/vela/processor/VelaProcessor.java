package dev.vela.processor;

import com.google.auto.service.AutoService;
import dev.vela.annotation.VelaCache;
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
 * Interfaces that use types not generated yet wait for a later round.
 */
@AutoService(Processor.class)
public final class VelaProcessor extends AbstractProcessor {
  // by qualified name: elements of one round must not be kept for the next
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
    }
    return false;
  }
}
