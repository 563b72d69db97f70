package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Types written for people, as the paths of unsupported types show them: short names with their
 * type arguments ({@code Map<String, List<Line>>}), or the qualified name of the culprit ({@code
 * java.net.URL}).
 */
final class TypeText {
  private TypeText() {}

  /** The type with names short enough to read, nested types as {@code Outer.Inner}. */
  static String shortForm(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> shortDeclared((DeclaredType) type);
      case ARRAY -> shortForm(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD -> shortWildcard((WildcardType) type);
      default -> type.toString();
    };
  }

  /** The qualified name of the type without its type arguments, arrays with their brackets. */
  static String qualified(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      case ARRAY -> qualified(((ArrayType) type).getComponentType()) + "[]";
      default -> shortForm(type);
    };
  }

  private static String shortDeclared(DeclaredType type) {
    String name = CodecNames.shortName(ClassName.get((TypeElement) type.asElement()));
    if (type.getTypeArguments().isEmpty()) {
      return name;
    }
    return type.getTypeArguments().stream()
        .map(TypeText::shortForm)
        .collect(Collectors.joining(", ", name + "<", ">"));
  }

  private static String shortWildcard(WildcardType type) {
    if (type.getExtendsBound() != null) {
      return "? extends " + shortForm(type.getExtendsBound());
    }
    if (type.getSuperBound() != null) {
      return "? super " + shortForm(type.getSuperBound());
    }
    return "?";
  }
}
