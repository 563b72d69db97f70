package dev.vela.processor.validation;

import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * Tells whether the key or value type of the cache being checked can be turned into bytes, as the
 * codec planner sees it (the cache's own {@code @VelaCodec} annotations included).
 */
@FunctionalInterface
public interface CodecLookup {
  /**
   * Returns empty when {@code type} has a codec, otherwise the part of it that has none, such as
   * {@code User.address: java.net.URL}.
   */
  Optional<String> unsupportedPart(TypeMirror type);
}
