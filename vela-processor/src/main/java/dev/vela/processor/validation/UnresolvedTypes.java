package dev.vela.processor.validation;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds types an interface uses that the compiler cannot resolve yet, such as a value type another
 * processor writes in this round. Such an interface is checked again in the next round instead of
 * failing now.
 */
final class UnresolvedTypes {
  private final Types types;

  UnresolvedTypes(Types types) {
    this.types = types;
  }

  /** The first unresolved type in the supertypes or abstract method signatures of {@code element}, as written. */
  Optional<String> find(TypeElement element) {
    Optional<TypeMirror> found = inSupertypes(element.asType());
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (found.isPresent()) {
        break;
      }
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        found = inType(method.getReturnType());
        for (VariableElement parameter : method.getParameters()) {
          found = found.or(() -> inType(parameter.asType()));
        }
      }
    }
    return found.map(TypeMirror::toString);
  }

  private Optional<TypeMirror> inSupertypes(TypeMirror type) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Optional<TypeMirror> found = inType(supertype).or(() -> inSupertypes(supertype));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<TypeMirror> inType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return Optional.of(type);
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<TypeMirror> found = inType(argument);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (type instanceof ArrayType array) {
      return inType(array.getComponentType());
    } else if (type instanceof WildcardType wildcard) {
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null ? Optional.empty() : inType(bound);
    }
    return Optional.empty();
  }
}
