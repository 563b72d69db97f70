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
import dev.vela.processor.codec.GeneratedCodec.Component;
import dev.vela.processor.codec.GeneratedCodec.RecordCodec;
import dev.vela.processor.codec.GeneratedCodec.SealedCodec;
import dev.vela.processor.codec.GeneratedCodec.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the shape of a generated codec, the canonical description whose fingerprint travels with
 * stored bytes: {@code record com.acme.User(nullable<string> name,int age)}, {@code sealed
 * com.acme.Shape{Circle=record com.acme.Circle(double radius),...}}, as the runtime's own
 * combinators describe themselves. Records list their components in declaration order; sealed
 * types list their subtypes sorted by tag, because the order of a {@code permits} clause does not
 * change the bytes.
 *
 * <p>The text is fixed when the code is generated, except for codecs this compilation did not
 * generate (hand-written ones, and generated ones from the class path), whose own {@code shape()}
 * is called when the class is initialized. A record or sealed type met a second time is written
 * as its kind and name only ({@code record com.acme.Tree}), which keeps the shapes of recursive
 * types finite.
 */
final class Shapes {
  private final CodecRegistry registry;

  Shapes(CodecRegistry registry) {
    this.registry = registry;
  }

  /** The shape of {@code root} as a {@code String} expression: literals, and calls joined by {@code +}. */
  CodeBlock of(GeneratedCodec root) {
    Builder shape = new Builder();
    Set<ClassName> seen = new HashSet<>();
    seen.add(root.type());
    describe(root, shape, seen);
    return shape.build();
  }

  private void describe(GeneratedCodec codec, Builder shape, Set<ClassName> seen) {
    if (codec instanceof RecordCodec record) {
      shape.text("record " + record.type().canonicalName() + "(");
      String separator = "";
      for (Component component : record.components()) {
        shape.text(separator);
        describe(component.codec(), shape, seen);
        shape.text(" " + component.name());
        separator = ",";
      }
      shape.text(")");
    } else {
      SealedCodec sealed = (SealedCodec) codec;
      shape.text("sealed " + sealed.type().canonicalName() + "{");
      List<Variant> byTag = new ArrayList<>(sealed.variants());
      byTag.sort(Comparator.comparing(Variant::tag));
      String separator = "";
      for (Variant variant : byTag) {
        shape.text(separator + variant.tag() + "=");
        describe(variant.codec(), shape, seen);
        separator = ",";
      }
      shape.text("}");
    }
  }

  private void describe(CodecNode node, Builder shape, Set<ClassName> seen) {
    if (node instanceof BuiltIn builtIn) {
      shape.text(builtIn.codec().shape());
    } else if (node instanceof Nullable nullable) {
      shape.text("nullable<");
      describe(nullable.inner(), shape, seen);
      shape.text(">");
    } else if (node instanceof Container container) {
      shape.text(container.kind().combinator() + "<");
      describe(container.element(), shape, seen);
      shape.text(">");
    } else if (node instanceof MapOf map) {
      shape.text("map<");
      describe(map.key(), shape, seen);
      shape.text(",");
      describe(map.value(), shape, seen);
      shape.text(">");
    } else if (node instanceof EnumByName enumType) {
      shape.text("enum " + enumType.type().canonicalName());
    } else if (node instanceof Instance instance) {
      shape.call(instance.codecClass());
    } else {
      Generated generated = (Generated) node;
      GeneratedCodec codec = registry.get(generated.codecClass());
      if (seen.add(generated.type())) {
        describe(codec, shape, seen);
      } else {
        shape.text(kindOf(codec) + " " + generated.type().canonicalName());
      }
    }
  }

  private static String kindOf(GeneratedCodec codec) {
    return codec instanceof RecordCodec ? "record" : "sealed";
  }

  /** Collects text, and calls of {@code shape()} on codecs whose shape is known only at run time. */
  private static final class Builder {
    private final List<CodeBlock> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    void text(String more) {
      text.append(more);
    }

    void call(ClassName codecClass) {
      flush();
      parts.add(CodeBlock.of("new $T().shape()", codecClass));
    }

    CodeBlock build() {
      flush();
      return CodeBlock.join(parts, " + ");
    }

    private void flush() {
      if (!text.isEmpty()) {
        parts.add(CodeBlock.of("$S", text.toString()));
        text.setLength(0);
      }
    }
  }
}
