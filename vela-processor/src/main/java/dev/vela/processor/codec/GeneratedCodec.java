package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;

/**
 * A codec class this compilation writes: what it encodes and, part by part, with which codecs.
 * Two plans of one type are the same class exactly when their models are equal.
 */
sealed interface GeneratedCodec {

  /** The record or sealed interface encoded. */
  ClassName type();

  /** The name of the generated class, from {@link CodecNames}. */
  ClassName codecClass();

  /** The codecs of the parts (components or permitted subtypes), in the order they are written. */
  List<CodecNode> parts();

  /**
   * The codec of a record: its components in declaration order.
   *
   * @param type the record
   * @param codecClass the generated class
   * @param components the components, in declaration order
   */
  record RecordCodec(ClassName type, ClassName codecClass, List<Component> components)
      implements GeneratedCodec {
    public RecordCodec {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(codecClass, "codecClass");
      components = List.copyOf(components);
    }

    @Override
    public List<CodecNode> parts() {
      return components.stream().map(Component::codec).toList();
    }
  }

  /**
   * One record component.
   *
   * @param name the component's name, which is also its accessor's
   * @param javaType its declared type, primitive or not
   * @param codec its codec, already wrapped in {@code nullable} when the type is not primitive
   */
  record Component(String name, TypeName javaType, CodecNode codec) {
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(javaType, "javaType");
      Objects.requireNonNull(codec, "codec");
    }
  }

  /**
   * The codec of a sealed interface: a tag per permitted subtype, in the order they are permitted.
   *
   * @param type the sealed interface
   * @param codecClass the generated class
   * @param variants the permitted subtypes
   */
  record SealedCodec(ClassName type, ClassName codecClass, List<Variant> variants)
      implements GeneratedCodec {
    public SealedCodec {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(codecClass, "codecClass");
      variants = List.copyOf(variants);
    }

    @Override
    public List<CodecNode> parts() {
      return variants.stream().map(Variant::codec).toList();
    }
  }

  /**
   * One permitted subtype of a sealed interface.
   *
   * @param tag what is written before the value: the subtype's binary name without its package
   * @param type the subtype
   * @param codec its codec, never nullable (the tag already says which subtype follows)
   */
  record Variant(String tag, ClassName type, CodecNode codec) {
    public Variant {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(codec, "codec");
    }
  }
}
