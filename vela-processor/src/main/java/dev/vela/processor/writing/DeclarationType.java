package dev.vela.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.vela.CacheBuilder;
import dev.vela.processor.model.CacheModel;
import dev.vela.registry.DeclaredCache;
import javax.lang.model.element.Modifier;

/**
 * Writes the nested {@code Vela<Name>.Declaration}: the {@link DeclaredCache} of one cache, with
 * its name, interface, key and value classes and a builder, and a public no-argument constructor
 * so that {@link java.util.ServiceLoader} can make one. Nested, so that a cache stays one generated
 * source file with one originating element.
 */
final class DeclarationType {
  private DeclarationType() {}

  /** The nested declaration of {@code model}, inside {@code generated}. */
  static TypeSpec of(CacheModel model, ClassName generated) {
    TypeName key = model.key().name();
    TypeName value = model.value().name();
    ClassName cacheInterface = model.interfaceName();
    ParameterizedTypeName builder = ParameterizedTypeName.get(ClassName.get(CacheBuilder.class), key, value, cacheInterface);
    TypeName anyClass = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
    return TypeSpec.classBuilder(GeneratedNames.DECLARATION)
        .addJavadoc("The declaration of {@link $T}, found by {@code DeclaredCaches} through {@code ServiceLoader}.\n",
            cacheInterface)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(DeclaredCache.class), key, value, cacheInterface))
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("For {@code ServiceLoader}; a declaration starts nothing.\n")
            .addModifiers(Modifier.PUBLIC)
            .build())
        .addMethod(getter("name", ClassName.get(String.class)).addStatement("return $S", model.settings().name()).build())
        .addMethod(getter("cacheType", ParameterizedTypeName.get(ClassName.get(Class.class), cacheInterface))
            .addStatement("return $T.class", cacheInterface)
            .build())
        .addMethod(getter("keyClass", anyClass).addStatement("return $T.class", erasure(key)).build())
        .addMethod(getter("valueClass", anyClass).addStatement("return $T.class", erasure(value)).build())
        .addMethod(getter("builder", builder).addStatement("return $T.builder()", generated).build())
        .build();
  }

  private static MethodSpec.Builder getter(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }

  /** The type a class literal can name: type arguments dropped, also inside arrays. */
  static TypeName erasure(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      return parameterized.rawType();
    }
    if (type instanceof ArrayTypeName array) {
      return ArrayTypeName.of(erasure(array.componentType()));
    }
    return type.withoutAnnotations();
  }
}
