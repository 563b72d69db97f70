package dev.vela.processor.validation;

import dev.vela.processor.model.CacheModel;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * What checking one {@code @VelaCache} interface decided. The problems it found are in the
 * cache's {@link dev.vela.processor.diagnostic.CacheReport}, with those codec planning found.
 */
public sealed interface Validation {

  /** The interface checked. */
  TypeElement element();

  /**
   * The interface uses a type that does not exist yet, perhaps one another processor writes in a
   * later round; check it again then. Nothing was added to the report.
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
  }

  /**
   * The interface has at least one error, in the report; nothing is generated for it.
   *
   * @param element the interface
   */
  record Rejected(TypeElement element) implements Validation {
    /** Checks the part. */
    public Rejected {
      Objects.requireNonNull(element, "element");
    }
  }

  /**
   * The interface is valid; its model is ready to write, unless codec planning adds an error to the
   * report. The report may hold warnings: settings that work but do nothing.
   *
   * @param model the cache to generate
   */
  record Accepted(CacheModel model) implements Validation {
    /** Checks the part. */
    public Accepted {
      Objects.requireNonNull(model, "model");
    }

    @Override
    public TypeElement element() {
      return model.element();
    }
  }
}
