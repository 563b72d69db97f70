package dev.vela.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Objects;
import javax.lang.model.type.TypeMirror;

/**
 * The key or the value type of a cache.
 *
 * @param mirror the type as the compiler sees it
 * @param name the type as generated code writes it
 */
public record CacheType(TypeMirror mirror, TypeName name) {
  /** Checks that both views of the type are given. */
  public CacheType {
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(name, "name");
  }

  /** A type read from the compiler. */
  public static CacheType of(TypeMirror mirror) {
    return new CacheType(mirror, TypeName.get(mirror));
  }

  /**
   * The fully qualified source form, such as {@code java.util.List<java.lang.String>},
   * for messages and the runtime.
   */
  public String sourceName() {
    return name.withoutAnnotations().toString();
  }
}
