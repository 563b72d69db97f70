package dev.vela.processor.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the {@code @VelaCodec} annotations of an element, whether written once or repeated (then
 * the compiler wraps them in {@code @VelaCodec.List}).
 */
final class VelaCodecAnnotations {
  static final String VELA_CODEC = "dev.vela.annotation.VelaCodec";
  static final String VELA_CODEC_LIST = "dev.vela.annotation.VelaCodec.List";

  private VelaCodecAnnotations() {}

  /**
   * One {@code @VelaCodec} as written.
   *
   * @param annotation the annotation, for pointing at it in messages
   * @param value its {@code value} attribute, for pointing at it in messages
   * @param codecClass the class named, as a type
   */
  record Occurrence(AnnotationMirror annotation, AnnotationValue value, TypeMirror codecClass) {
    Occurrence {
      Objects.requireNonNull(annotation, "annotation");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(codecClass, "codecClass");
    }
  }

  /**
   * The {@code @VelaCodec} annotations on {@code element}, in source order; a value the compiler
   * could not resolve is left out, since the compiler reports it already.
   */
  static List<Occurrence> on(Element element) {
    List<Occurrence> found = new ArrayList<>();
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      String name = nameOf(annotation);
      if (name.equals(VELA_CODEC)) {
        addIfResolved(annotation, found);
      } else if (name.equals(VELA_CODEC_LIST)) {
        AnnotationValue contained = valueOf(annotation);
        if (contained != null && contained.getValue() instanceof List<?> items) {
          for (Object item : items) {
            if (item instanceof AnnotationValue itemValue
                && itemValue.getValue() instanceof AnnotationMirror inner) {
              addIfResolved(inner, found);
            }
          }
        }
      }
    }
    return found;
  }

  private static void addIfResolved(AnnotationMirror annotation, List<Occurrence> found) {
    AnnotationValue value = valueOf(annotation);
    if (value != null
        && value.getValue() instanceof TypeMirror codecClass
        && codecClass.getKind() != TypeKind.ERROR) {
      found.add(new Occurrence(annotation, value, codecClass));
    }
  }

  private static String nameOf(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static AnnotationValue valueOf(AnnotationMirror annotation) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    return null;
  }
}
