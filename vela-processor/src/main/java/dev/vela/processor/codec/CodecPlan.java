package dev.vela.processor.codec;

import com.palantir.javapoet.CodeBlock;
import java.util.Objects;

/** How the generated class gets the codec of a key or value type: an expression, or the reason there is none. */
public sealed interface CodecPlan {

  /**
   * A codec exists; {@code expression} builds it, such as {@code Codecs.list(Codecs.STRING)}.
   *
   * @param expression the Java expression that yields the codec
   */
  record Supported(CodeBlock expression) implements CodecPlan {
    /** Checks that the expression is given. */
    public Supported {
      Objects.requireNonNull(expression, "expression");
    }
  }

  /**
   * No codec can be planned; {@code path} names the part of the type that has none, such as
   * {@code User.address: java.net.URL}.
   *
   * @param path the unsupported part
   */
  record Unsupported(String path) implements CodecPlan {
    /** Checks that the path is given. */
    public Unsupported {
      Objects.requireNonNull(path, "path");
    }
  }
}
