package dev.vela.processor.codec;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * A processor for tests: plans the key and value codecs of every {@code @VelaCache} interface, as
 * the real processor will, reports the problems planning put in each cache's report, writes pending codec classes, and keeps
 * the plans for the test to look at.
 */
final class PlanningProcessor extends AbstractProcessor {
  private final Map<String, List<CodecPlan>> plans = new LinkedHashMap<>();
  private CodecPlanner planner;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    planner = new CodecPlanner(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.vela.annotation.VelaCache");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TypeElement cache = (TypeElement) element;
        List<? extends TypeMirror> keyAndValue = cacheTypeArguments(cache);
        CacheReport report = new CacheReport(cache, null);
        plans.put(cache.getQualifiedName().toString(), List.of(
            planner.plan(keyAndValue.get(0), cache, report), planner.plan(keyAndValue.get(1), cache, report)));
        new Reporter(processingEnv.getMessager()).reportAll(report.problems());
      }
    }
    try {
      planner.writePending(processingEnv.getFiler());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** The key plan of the cache with this qualified name. */
  CodecPlan keyPlan(String cache) {
    return plansOf(cache).get(0);
  }

  /** The value plan of the cache with this qualified name. */
  CodecPlan valuePlan(String cache) {
    return plansOf(cache).get(1);
  }

  private List<CodecPlan> plansOf(String cache) {
    List<CodecPlan> found = plans.get(cache);
    if (found == null) {
      throw new IllegalArgumentException("no cache " + cache + " was planned; planned: " + plans.keySet());
    }
    return found;
  }

  private List<? extends TypeMirror> cacheTypeArguments(TypeElement cache) {
    for (TypeMirror supertype : processingEnv.getTypeUtils().directSupertypes(cache.asType())) {
      DeclaredType declared = (DeclaredType) supertype;
      if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals("dev.vela.Cache")) {
        return declared.getTypeArguments();
      }
    }
    throw new IllegalArgumentException(cache + " does not extend dev.vela.Cache directly");
  }
}
