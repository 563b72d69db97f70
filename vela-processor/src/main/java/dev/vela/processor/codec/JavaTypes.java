package dev.vela.processor.codec;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Small facts about types that several planning steps need. */
final class JavaTypes {
  private JavaTypes() {}

  /**
   * The type as generated code writes it, without the type-use annotations the declaration may
   * carry ({@code @Nullable String} becomes {@code String}).
   */
  static TypeName typeName(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> ArrayTypeName.of(typeName(((ArrayType) type).getComponentType()));
      case DECLARED -> declaredName((DeclaredType) type);
      default -> TypeName.get(type).withoutAnnotations();
    };
  }

  /**
   * Whether code in package {@code packageName} may name {@code type}: neither it nor any type
   * it is nested in is private, and those that are not public are in that package.
   */
  static boolean accessibleFrom(TypeElement type, String packageName, Elements elements) {
    Element current = type;
    while (current instanceof TypeElement element) {
      var modifiers = element.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC)
          && !elements.getPackageOf(element).getQualifiedName().contentEquals(packageName)) {
        return false;
      }
      current = element.getEnclosingElement();
    }
    return true;
  }

  private static TypeName declaredName(DeclaredType type) {
    ClassName raw = ClassName.get((TypeElement) type.asElement());
    if (type.getTypeArguments().isEmpty()) {
      return raw;
    }
    return ParameterizedTypeName.get(
        raw, type.getTypeArguments().stream().map(JavaTypes::typeName).toArray(TypeName[]::new));
  }
}
