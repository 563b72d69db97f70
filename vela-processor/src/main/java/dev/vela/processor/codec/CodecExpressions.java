package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.vela.processor.codec.CodecNode.BuiltIn;
import dev.vela.processor.codec.CodecNode.Container;
import dev.vela.processor.codec.CodecNode.EnumByName;
import dev.vela.processor.codec.CodecNode.Generated;
import dev.vela.processor.codec.CodecNode.Instance;
import dev.vela.processor.codec.CodecNode.MapOf;
import dev.vela.processor.codec.CodecNode.Nullable;

/** Writes a codec node as the Java expression that builds the codec at run time. */
final class CodecExpressions {
  /** The runtime class of built-in codecs and combinators. */
  static final ClassName CODECS = ClassName.get("dev.vela.codec", "Codecs");

  private CodecExpressions() {}

  /** The expression, such as {@code Codecs.list(Codecs.nullable(Codecs.STRING))}. */
  static CodeBlock of(CodecNode node) {
    // Java 17 has no pattern switch, so the sealed cases are tested one by one
    if (node instanceof BuiltIn builtIn) {
      return CodeBlock.of("$T.$L", CODECS, builtIn.codec().constant());
    } else if (node instanceof Nullable nullable) {
      return CodeBlock.of("$T.nullable($L)", CODECS, of(nullable.inner()));
    } else if (node instanceof Container container) {
      return CodeBlock.of("$T.$L($L)", CODECS, container.kind().combinator(), of(container.element()));
    } else if (node instanceof MapOf map) {
      return CodeBlock.of("$T.map($L, $L)", CODECS, of(map.key()), of(map.value()));
    } else if (node instanceof EnumByName enumType) {
      ClassName type = enumType.type();
      return CodeBlock.of("$T.enumByName($S, $T.values())", CODECS, type.canonicalName(), type);
    } else if (node instanceof Instance instance) {
      return CodeBlock.of("new $T()", instance.codecClass());
    }
    return CodeBlock.of("new $T()", ((Generated) node).codecClass());
  }
}
