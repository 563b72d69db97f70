package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that the generated class, which implements every method of {@code dev.vela.Cache} by
 * forwarding, implements every abstract method of the interface: each one must redeclare a method
 * of {@code Cache} (or of {@code Object}) with a return type the forwarding method can give.
 * Default and static methods are the user's own and are left alone.
 */
final class AbstractMethodCheck {
  private final Elements elements;
  private final Types types;

  AbstractMethodCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  void check(TypeElement element, TypeElement cache, CacheReport problems) {
    DeclaredType site = (DeclaredType) element.asType();
    List<ExecutableElement> cacheMethods = ElementFilter.methodsIn(cache.getEnclosedElements());
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      if (!method.getModifiers().contains(Modifier.ABSTRACT)
          || isImplementedBy(owner, cache)
          || redeclaresObjectMethod(method)) {
        continue;
      }
      // a problem on a method of a superinterface is shown on the cache interface, which inherits it
      Element at = owner.equals(element) ? method : element;
      String display = owner.getSimpleName() + "." + method;
      ExecutableType declared = (ExecutableType) types.asMemberOf(site, method);
      Optional<ExecutableType> forwarded = cacheMethods.stream()
          .filter(candidate -> candidate.getSimpleName().equals(method.getSimpleName()))
          .map(candidate -> (ExecutableType) types.asMemberOf(site, candidate))
          .filter(candidate -> types.isSubsignature(candidate, declared))
          .findFirst();
      if (forwarded.isEmpty()) {
        problems.addOn(at, Message.UNIMPLEMENTABLE_METHOD, display);
      } else if (!returnFits(forwarded.get(), declared)) {
        problems.addOn(at, Message.NARROWED_RETURN_TYPE,
            display, declared.getReturnType(), forwarded.get().getReturnType());
      }
    }
  }

  /** True when {@code owner} is {@code Cache} or a supertype of it: the generated class implements its methods. */
  private boolean isImplementedBy(TypeElement owner, TypeElement cache) {
    return types.isSubtype(types.erasure(cache.asType()), types.erasure(owner.asType()));
  }

  /** An interface may redeclare {@code equals}, {@code hashCode} or {@code toString}; every class has them. */
  private boolean redeclaresObjectMethod(ExecutableElement method) {
    TypeElement object = elements.getTypeElement(Object.class.getName());
    return ElementFilter.methodsIn(object.getEnclosedElements()).stream()
        .filter(candidate -> candidate.getModifiers().contains(Modifier.PUBLIC))
        .filter(candidate -> candidate.getSimpleName().equals(method.getSimpleName()))
        .anyMatch(candidate ->
            types.isSubsignature((ExecutableType) method.asType(), (ExecutableType) candidate.asType()));
  }

  /** Whether the forwarding method's return type can stand where the redeclared one is expected. */
  private boolean returnFits(ExecutableType forwarded, ExecutableType declared) {
    TypeMirror given = forwarded.getReturnType();
    TypeMirror wanted = declared.getReturnType();
    if (given.getKind() == TypeKind.VOID || wanted.getKind() == TypeKind.VOID) {
      return given.getKind() == wanted.getKind();
    }
    if (!forwarded.getTypeVariables().isEmpty()) {
      // each side has its own method type variables; compare the shapes they erase to
      return types.isSubtype(types.erasure(given), types.erasure(wanted));
    }
    return types.isSubtype(given, wanted);
  }
}
