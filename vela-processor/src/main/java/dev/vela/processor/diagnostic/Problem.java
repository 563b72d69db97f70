package dev.vela.processor.diagnostic;

import java.util.List;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One thing wrong with a cache declaration: the message, and where to print it, as precisely as is
 * known (element, then annotation, then the attribute value), so that an IDE underlines the value.
 *
 * @param message the catalogue entry
 * @param element the element it is about
 * @param annotation the annotation on {@code element} it is about, or null
 * @param value the attribute value of {@code annotation} it is about, or null
 * @param args the arguments of the message
 */
public record Problem(
    Message message, Element element, AnnotationMirror annotation, AnnotationValue value, List<Object> args) {
  /** Checks the parts and copies the arguments. */
  public Problem {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(element, "element");
    args = List.copyOf(args);
  }

  /** The text to print. */
  public String text() {
    return message.format(args.toArray());
  }
}
