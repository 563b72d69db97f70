package dev.vela.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * A valid {@code @VelaCache} interface: everything the writer needs to generate its class.
 *
 * @param element the annotated interface, the generated class's originating element
 * @param interfaceName the interface's name
 * @param key the key type
 * @param value the value type
 * @param settings the annotation's attributes, parsed
 */
public record CacheModel(
    TypeElement element, ClassName interfaceName, CacheType key, CacheType value, CacheSettings settings) {
  /** Checks that every part is given. */
  public CacheModel {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(settings, "settings");
  }
}
