package dev.vela.processor.validation;

import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Tells whether a cache's key or value type can be turned into bytes, as the codec planner sees it. */
@FunctionalInterface
public interface CodecLookup {
  /**
   * Returns empty when {@code type} has a codec in {@code cache}, otherwise the part of it that has
   * none, such as {@code User.address: java.net.URL}.
   */
  Optional<String> unsupportedPart(TypeMirror type, TypeElement cache);
}
