package dev.vela.processor.codec;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The {@code @Generated} annotation of a generated file, when the code it joins can see it. On the
 * class path it always can; in a named module only if the module reads {@code java.compiler}, where
 * the annotation lives, and an application module seldom requires that, so there the file goes
 * without it rather than fail to compile. Both writers, of codecs and of caches, use it.
 */
public final class GeneratedAnnotation {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private GeneratedAnnotation() {}

  /** {@code @Generated(generator)} for a file generated from {@code origin}, or empty when it would not compile. */
  public static Optional<AnnotationSpec> of(Elements elements, Element origin, String generator) {
    TypeElement generated = elements.getTypeElement(GENERATED);
    if (generated == null) {
      return Optional.empty();
    }
    ModuleElement module = elements.getModuleOf(origin);
    if (module != null && !module.isUnnamed() && !reads(module, elements.getModuleOf(generated))) {
      return Optional.empty();
    }
    return Optional.of(AnnotationSpec.builder(ClassName.get(generated)).addMember("value", "$S", generator).build());
  }

  /** Whether {@code module} reads {@code target}: itself, a module it requires, or one those require transitively. */
  private static boolean reads(ModuleElement module, ModuleElement target) {
    if (module.equals(target)) {
      return true;
    }
    Set<ModuleElement> seen = new HashSet<>();
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (requires.getDependency().equals(target) || readsTransitively(requires.getDependency(), target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsTransitively(ModuleElement module, ModuleElement target, Set<ModuleElement> seen) {
    if (!seen.add(module)) {
      return false;
    }
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (requires.isTransitive()
          && (requires.getDependency().equals(target) || readsTransitively(requires.getDependency(), target, seen))) {
        return true;
      }
    }
    return false;
  }
}
