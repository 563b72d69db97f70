package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.vela.processor.codec.GeneratedCodec.Component;
import dev.vela.processor.codec.GeneratedCodec.RecordCodec;
import dev.vela.processor.codec.GeneratedCodec.SealedCodec;
import dev.vela.processor.codec.GeneratedCodec.Variant;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes the class of a generated codec: what record and sealed codecs share (the declaration,
 * {@code @Generated}, the originating element, the shape constant, a {@code private static final}
 * codec field per part) around the {@code encode} and {@code decode} of {@link RecordCodecMethods}
 * or {@link SealedCodecMethods}. Parts that lead back to the class itself are held in a nested
 * {@code Lazy} class instead (see {@link Cycles}).
 */
final class CodecClassWriter {
  static final ClassName CODEC = ClassName.get("dev.vela.codec", "Codec");
  static final ClassName CODEC_EXCEPTION = ClassName.get("dev.vela.codec", "CodecException");
  static final ClassName CODEC_INPUT = ClassName.get("dev.vela.codec", "CodecInput");
  static final ClassName CODEC_OUTPUT = ClassName.get("dev.vela.codec", "CodecOutput");
  private static final String PROCESSOR = "dev.vela.processor.VelaProcessor";
  private static final String SHAPE = "SHAPE";
  private static final String LAZY = "Lazy";

  private final Elements elements;
  private final Shapes shapes;
  private final Cycles cycles;

  CodecClassWriter(Elements elements, CodecRegistry registry) {
    this.elements = elements;
    this.shapes = new Shapes(registry);
    this.cycles = new Cycles(registry);
  }

  /** The source file of {@code codec}, originating from {@code origin}, the record or sealed type. */
  JavaFile write(GeneratedCodec codec, Element origin) {
    ClassName codecClass = codec.codecClass();
    TypeSpec.Builder type = TypeSpec.classBuilder(codecClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CODEC, codec.type()))
        .addOriginatingElement(origin);
    GeneratedAnnotation.of(elements, origin, PROCESSOR).ifPresent(type::addAnnotation);
    type.addField(FieldSpec.builder(String.class, SHAPE, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(shapes.of(codec))
        .build());
    TypeSpec.Builder lazy = TypeSpec.classBuilder(LAZY)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Codecs of the parts that lead back to this class, created on first use rather than when\n"
            + "this class is initialized, so that codec classes that refer to each other never wait for\n"
            + "one another's initialization.\n");
    List<String> references = addPartFields(codec, type, lazy);
    if (codec instanceof RecordCodec record) {
      RecordCodecMethods.addTo(type, record, references);
    } else {
      SealedCodecMethods.addTo(type, (SealedCodec) codec, references);
    }
    type.addMethod(MethodSpec.methodBuilder("shape")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $N", SHAPE)
        .build());
    TypeSpec lazyClass = lazy.build();
    if (!lazyClass.fieldSpecs().isEmpty()) {
      type.addType(lazyClass);
    }
    return JavaFile.builder(codecClass.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /**
   * Adds a codec field per part and returns how code refers to each: {@code NAME}, or {@code
   * Lazy.NAME} for a part that leads back to this class.
   */
  private List<String> addPartFields(GeneratedCodec codec, TypeSpec.Builder type, TypeSpec.Builder lazy) {
    NameAllocator names = new NameAllocator();
    names.newName(SHAPE);
    List<String> references = new ArrayList<>();
    for (int i = 0; i < codec.parts().size(); i++) {
      CodecNode part = codec.parts().get(i);
      String name = names.newName(constantCase(partName(codec, i)));
      TypeName fieldType = ParameterizedTypeName.get(CODEC, partType(codec, i).box());
      if (cycles.leadsBack(part, codec.codecClass())) {
        lazy.addField(FieldSpec.builder(fieldType, name, Modifier.STATIC, Modifier.FINAL)
            .initializer(CodecExpressions.of(part))
            .build());
        references.add(LAZY + "." + name);
      } else {
        type.addField(FieldSpec.builder(fieldType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(CodecExpressions.of(part))
            .build());
        references.add(name);
      }
    }
    return references;
  }

  private static String partName(GeneratedCodec codec, int index) {
    if (codec instanceof RecordCodec record) {
      return record.components().get(index).name();
    }
    List<String> simpleNames = ((SealedCodec) codec).variants().get(index).type().simpleNames();
    return simpleNames.get(simpleNames.size() - 1);
  }

  private static TypeName partType(GeneratedCodec codec, int index) {
    if (codec instanceof RecordCodec record) {
      Component component = record.components().get(index);
      return component.javaType();
    }
    Variant variant = ((SealedCodec) codec).variants().get(index);
    return variant.type();
  }

  /** {@code firstName} as {@code FIRST_NAME}, the way constants are named. */
  static String constantCase(String name) {
    StringBuilder constant = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))
          && name.charAt(i - 1) != '_') {
        constant.append('_');
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString();
  }
}
