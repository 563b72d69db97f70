package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import java.util.Objects;

/**
 * How the codec of one type is built, as a tree that mirrors the type: {@code List<String>} is a
 * {@link Container} of a {@link Nullable} {@link BuiltIn}. Nodes hold names, never elements, so
 * that plans made in different rounds compare equal.
 */
sealed interface CodecNode {

  /** A constant of {@code dev.vela.codec.Codecs}. */
  record BuiltIn(BuiltInCodec codec) implements CodecNode {
    public BuiltIn {
      Objects.requireNonNull(codec, "codec");
    }
  }

  /** {@code Codecs.nullable(inner)}, for values that may be null. */
  record Nullable(CodecNode inner) implements CodecNode {
    public Nullable {
      Objects.requireNonNull(inner, "inner");
    }
  }

  /** {@code Codecs.list}, {@code set} or {@code optional} of an element codec. */
  record Container(ContainerKind kind, CodecNode element) implements CodecNode {
    public Container {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(element, "element");
    }
  }

  /** {@code Codecs.map(key, value)}. */
  record MapOf(CodecNode key, CodecNode value) implements CodecNode {
    public MapOf {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code Codecs.enumByName(name, Type.values())}. */
  record EnumByName(ClassName type) implements CodecNode {
    public EnumByName {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * {@code new codecClass()}, a codec this compilation did not generate: one named with
   * {@code @VelaCodec}, or a generated codec found on the class path.
   */
  record Instance(ClassName codecClass) implements CodecNode {
    public Instance {
      Objects.requireNonNull(codecClass, "codecClass");
    }
  }

  /** {@code new VelaCodec_X()}, a codec class this compilation generates for a record or sealed type. */
  record Generated(ClassName type, ClassName codecClass) implements CodecNode {
    public Generated {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(codecClass, "codecClass");
    }
  }

  /** The collections and the optional, each a one-argument combinator of {@code Codecs}. */
  enum ContainerKind {
    LIST("java.util.List", "list"),
    SET("java.util.Set", "set"),
    OPTIONAL("java.util.Optional", "optional");

    private final String typeName;
    private final String combinator;

    ContainerKind(String typeName, String combinator) {
      this.typeName = typeName;
      this.combinator = combinator;
    }

    /** The qualified name of the declared type, such as {@code java.util.List}. */
    String typeName() {
      return typeName;
    }

    /** The method of {@code Codecs}, which is also the shape's prefix: {@code list}. */
    String combinator() {
      return combinator;
    }

    /** Whether the container may hold nulls; an {@code Optional} never does. */
    boolean holdsNulls() {
      return this != OPTIONAL;
    }
  }
}
