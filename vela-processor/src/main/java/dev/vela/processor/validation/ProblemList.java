package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.diagnostic.Problem;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The problems found in one {@code @VelaCache} interface; checks add to it and keep going. */
final class ProblemList {
  private final Element element;
  private final AnnotationMirror annotation;
  private final List<Problem> problems = new ArrayList<>();

  ProblemList(Element element, AnnotationMirror annotation) {
    this.element = element;
    this.annotation = annotation;
  }

  /** Adds a problem on the annotation, at {@code value} when it is written in the source, else on the annotation. */
  void add(Message message, AnnotationValue value, Object... args) {
    problems.add(new Problem(message, element, annotation, value, List.of(args)));
  }

  /** Adds a problem on {@code on} itself, such as a method of the interface or the interface. */
  void addOn(Element on, Message message, Object... args) {
    problems.add(new Problem(message, on, null, null, List.of(args)));
  }

  int errorCount() {
    return (int) problems.stream().filter(p -> p.message().kind() == Diagnostic.Kind.ERROR).count();
  }

  List<Problem> toList() {
    return List.copyOf(problems);
  }
}
