package dev.vela.processor.diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every problem found with one {@code @VelaCache} interface, from validation and from codec
 * planning alike: each check adds to the report of the cache it is checking and keeps going, and
 * only a report without errors lets the cache's class be written.
 */
public final class CacheReport {
  private final Element element;
  private final AnnotationMirror annotation;
  private final List<Problem> problems = new ArrayList<>();

  /** An empty report on {@code element}, whose {@code @VelaCache} is {@code annotation} (null when it has none). */
  public CacheReport(Element element, AnnotationMirror annotation) {
    this.element = Objects.requireNonNull(element, "element");
    this.annotation = annotation;
  }

  /** The interface the report is about. */
  public Element element() {
    return element;
  }

  /** Adds a problem on the annotation, at {@code value} when it is written in the source, else on the annotation. */
  public void add(Message message, AnnotationValue value, Object... args) {
    problems.add(new Problem(message, element, annotation, value, List.of(args)));
  }

  /** Adds a problem on {@code on} itself, such as a method of the interface or the interface. */
  public void addOn(Element on, Message message, Object... args) {
    problems.add(new Problem(message, on, null, null, List.of(args)));
  }

  /** Adds a problem placed already, such as one on a {@code @VelaCodec} annotation of another type. */
  public void add(Problem problem) {
    problems.add(Objects.requireNonNull(problem, "problem"));
  }

  /** How many of the problems are errors. */
  public int errorCount() {
    return (int) problems.stream().filter(p -> p.message().kind() == Diagnostic.Kind.ERROR).count();
  }

  /** True when any problem is an error, so nothing may be written for the cache. */
  public boolean hasErrors() {
    return errorCount() > 0;
  }

  /** Every problem, in the order found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
