package dev.vela.processor.codec;

import com.palantir.javapoet.CodeBlock;
import java.util.Objects;

/**
 * What the processor can do for one key or value type of a cache: build a codec with a Java
 * expression, or nothing, with the first part of the type that has no codec.
 */
public sealed interface CodecPlan {

  /**
   * The type has a codec.
   *
   * @param expression a Java expression of type {@code dev.vela.codec.Codec<T>}, such as {@code
   *     Codecs.list(Codecs.nullable(Codecs.STRING))}, valid in the package of the cache interface
   */
  record Supported(CodeBlock expression) implements CodecPlan {
    /** Checks that the expression is there. */
    public Supported {
      Objects.requireNonNull(expression, "expression");
    }
  }

  /**
   * The type has no codec.
   *
   * @param path the first unsupported part, readable by a person, such as {@code User.address:
   *     java.net.URL} or {@code Order.lines: List<Line> -> Line.price: java.awt.Point}
   */
  record Unsupported(String path) implements CodecPlan {
    /** Checks that the path says something. */
    public Unsupported {
      Objects.requireNonNull(path, "path");
      if (path.isBlank()) {
        throw new IllegalArgumentException("an unsupported plan must name the part that has no codec");
      }
    }
  }
}
