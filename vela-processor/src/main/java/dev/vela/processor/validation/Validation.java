package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.Problem;
import dev.vela.processor.model.CacheModel;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/** What checking one {@code @VelaCache} interface found. */
public sealed interface Validation {

  /** The interface checked. */
  TypeElement element();

  /** The problems to print: errors and warnings, or warnings only when the interface is valid. */
  List<Problem> problems();

  /**
   * The interface uses a type that does not exist yet, perhaps one another processor writes in a
   * later round; check it again then.
   *
   * @param element the interface
   * @param unresolved the unknown type or value, as written
   */
  record Deferred(TypeElement element, String unresolved) implements Validation {
    /** Checks the parts. */
    public Deferred {
      Objects.requireNonNull(element, "element");
      Objects.requireNonNull(unresolved, "unresolved");
    }

    /** None yet: problems are looked for once every type is known. */
    @Override
    public List<Problem> problems() {
      return List.of();
    }
  }

  /**
   * The interface has at least one error; nothing is generated for it.
   *
   * @param element the interface
   * @param problems every problem found, errors and warnings
   */
  record Rejected(TypeElement element, List<Problem> problems) implements Validation {
    /** Checks the parts and copies the list. */
    public Rejected {
      Objects.requireNonNull(element, "element");
      problems = List.copyOf(problems);
    }
  }

  /**
   * The interface is valid; its model is ready to write.
   *
   * @param model the cache to generate
   * @param warnings settings that work but do nothing
   */
  record Accepted(CacheModel model, List<Problem> warnings) implements Validation {
    /** Checks the parts and copies the list. */
    public Accepted {
      Objects.requireNonNull(model, "model");
      warnings = List.copyOf(warnings);
    }

    @Override
    public TypeElement element() {
      return model.element();
    }

    @Override
    public List<Problem> problems() {
      return warnings;
    }
  }
}
