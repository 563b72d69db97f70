package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.Cache;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the annotated type itself: an interface, reachable from its package, not generic,
 * extending {@code dev.vela.Cache} with concrete type arguments, and with no abstract method the
 * generated class cannot implement.
 */
final class DeclarationCheck {
  private final Elements elements;
  private final Types types;
  private final AbstractMethodCheck methods;

  DeclarationCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.methods = new AbstractMethodCheck(elements, types);
  }

  /** The key and value types of {@code element}, or empty when they cannot be used (each problem added). */
  Optional<CacheTypeArguments> check(TypeElement element, CacheReport problems) {
    String name = element.getQualifiedName().toString();
    if (element.getKind() != ElementKind.INTERFACE) {
      problems.addOn(element, Message.NOT_AN_INTERFACE, name, describe(element.getKind()));
      return Optional.empty();
    }
    checkReachable(element, problems);
    if (element.getModifiers().contains(Modifier.SEALED)) {
      problems.addOn(element, Message.SEALED_INTERFACE, name);
    }
    List<? extends TypeParameterElement> parameters = element.getTypeParameters();
    if (!parameters.isEmpty()) {
      problems.addOn(element, Message.GENERIC_INTERFACE, name,
          parameters.stream().map(p -> p.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">")));
    }
    TypeElement cache = elements.getTypeElement(Cache.class.getCanonicalName());
    Optional<DeclaredType> cacheType = cache == null ? Optional.empty() : findSupertype(element.asType(), cache);
    if (cacheType.isEmpty()) {
      problems.addOn(element, Message.NOT_A_CACHE, name);
      return Optional.empty();
    }
    methods.check(element, cache, problems);
    List<? extends TypeMirror> arguments = cacheType.get().getTypeArguments();
    if (arguments.size() != 2) {
      problems.addOn(element, Message.TYPE_ARGUMENT_NOT_CONCRETE,
          "key and value", name, "not given, because it extends the raw type Cache");
      return Optional.empty();
    }
    boolean keyUsable = checkArgument("key", arguments.get(0), element, problems);
    boolean valueUsable = checkArgument("value", arguments.get(1), element, problems);
    return keyUsable && valueUsable
        ? Optional.of(new CacheTypeArguments(arguments.get(0), arguments.get(1)))
        : Optional.empty();
  }

  private boolean checkArgument(String role, TypeMirror argument, TypeElement element, CacheReport problems) {
    String name = element.getQualifiedName().toString();
    TypeKind kind = argument.getKind();
    if (kind == TypeKind.TYPEVAR || kind == TypeKind.WILDCARD) {
      problems.addOn(element, Message.TYPE_ARGUMENT_NOT_CONCRETE, role, name, argument);
      return false;
    }
    // javac refuses primitive type arguments itself; this guards compilers that recover and go on
    if (kind.isPrimitive()) {
      problems.addOn(element, Message.PRIMITIVE_TYPE_ARGUMENT,
          role, name, argument, types.boxedClass(types.getPrimitiveType(kind)).getSimpleName());
      return false;
    }
    if (kind == TypeKind.ARRAY && role.equals("key")) {
      problems.addOn(element, Message.ARRAY_KEY, name, argument);
      return false;
    }
    return true;
  }

  /** Reports a private interface, or one inside a private type or a method, which the generated class cannot name. */
  private static void checkReachable(TypeElement element, CacheReport problems) {
    Element current = element;
    while (current instanceof TypeElement type) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        problems.addOn(element, Message.NOT_ACCESSIBLE, type.getQualifiedName());
      }
      current = type.getEnclosingElement();
    }
    // annotation processing does not reach types declared in a method body; this guards other compilers
    if (current != null && current.getKind() != ElementKind.PACKAGE && current.getKind() != ElementKind.MODULE) {
      problems.addOn(element, Message.NESTED_NOT_STATIC,
          element.getSimpleName(), "the " + current.getKind().toString().toLowerCase(Locale.ROOT) + " " + current);
    }
  }

  /**
   * The supertype of {@code type} whose element is {@code target}, with its type arguments as
   * {@code type} sees them.
   */
  private Optional<DeclaredType> findSupertype(TypeMirror type, TypeElement target) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype instanceof DeclaredType declared && declared.asElement().equals(target)) {
        return Optional.of(declared);
      }
      Optional<DeclaredType> found = findSupertype(supertype, target);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.toString().toLowerCase(Locale.ROOT);
    };
  }
}
