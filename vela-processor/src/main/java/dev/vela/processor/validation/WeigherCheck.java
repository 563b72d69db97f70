package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.diagnostic.UnusableClass;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the class named in {@code weigher}: the generated builder creates it with {@code new}, so
 * it must be a public, concrete, top-level or static class implementing {@code dev.vela.Weigher},
 * with a public no-argument constructor.
 */
final class WeigherCheck {
  static final String WEIGHER_INTERFACE = "dev.vela.Weigher";

  private final Elements elements;
  private final Types types;

  WeigherCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The weigher's qualified name; empty when none is named or it is unfit (a problem is added). */
  Optional<String> read(VelaCacheAttributes attributes, CacheReport problems) {
    TypeMirror type = attributes.type(VelaCacheAttributes.WEIGHER);
    if (type.getKind() == TypeKind.VOID) {
      return Optional.empty();
    }
    AnnotationValue at = attributes.at(VelaCacheAttributes.WEIGHER);
    if (!(type instanceof DeclaredType declared) || declared.asElement().getKind() != ElementKind.CLASS) {
      problems.add(Message.BAD_WEIGHER, at, type, UnusableClass.NOT_A_CLASS.with());
      return Optional.empty();
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    Optional<UnusableClass.Reason> unfit = unfitness(element, type);
    if (unfit.isPresent()) {
      problems.add(Message.BAD_WEIGHER, at, name, unfit.get());
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /**
   * Adds a problem when the weigher named (and found fit by {@link #read}) cannot weigh the cache's
   * entries: the builder takes a {@code Weigher<? super K, ? super V>}, so the weigher's type
   * arguments must be the cache's key and value types or supertypes of them. A generic weigher
   * class is created raw and weighs anything.
   */
  void checkTypeArguments(TypeElement cache, VelaCacheAttributes attributes, CacheTypeArguments arguments,
      CacheReport problems) {
    TypeMirror type = attributes.type(VelaCacheAttributes.WEIGHER);
    TypeElement weigherInterface = elements.getTypeElement(WEIGHER_INTERFACE);
    if (weigherInterface == null || !(type instanceof DeclaredType declared)
        || !((TypeElement) declared.asElement()).getTypeParameters().isEmpty()) {
      return;
    }
    Optional<DeclaredType> asWeigher = supertypeOf(declared, weigherInterface);
    if (asWeigher.isEmpty() || asWeigher.get().getTypeArguments().size() != 2) {
      return; // a raw Weigher: javac warns of the unchecked call
    }
    TypeMirror weighsKey = asWeigher.get().getTypeArguments().get(0);
    TypeMirror weighsValue = asWeigher.get().getTypeArguments().get(1);
    if (!types.isAssignable(arguments.key(), weighsKey) || !types.isAssignable(arguments.value(), weighsValue)) {
      problems.add(Message.WEIGHER_TYPES, attributes.at(VelaCacheAttributes.WEIGHER),
          ((TypeElement) declared.asElement()).getQualifiedName(), weighsKey, weighsValue, cache.getSimpleName(),
          arguments.key(), arguments.value());
    }
  }

  /** {@code type}'s view of {@code wanted} among its supertypes, with the type arguments it gives it. */
  private Optional<DeclaredType> supertypeOf(DeclaredType type, TypeElement wanted) {
    if (type.asElement().equals(wanted)) {
      return Optional.of(type);
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype instanceof DeclaredType declared) {
        Optional<DeclaredType> found = supertypeOf(declared, wanted);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<UnusableClass.Reason> unfitness(TypeElement element, TypeMirror type) {
    TypeElement weigher = elements.getTypeElement(WEIGHER_INTERFACE);
    if (weigher != null && !types.isAssignable(types.erasure(type), types.erasure(weigher.asType()))) {
      return Optional.of(UnusableClass.DOES_NOT_IMPLEMENT.with(WEIGHER_INTERFACE));
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(UnusableClass.ABSTRACT.with());
    }
    if (!element.getModifiers().contains(Modifier.PUBLIC)) {
      return Optional.of(UnusableClass.NOT_PUBLIC.with());
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(UnusableClass.INNER_CLASS.with());
    }
    boolean publicNoArgs = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
        .anyMatch(WeigherCheck::isPublicWithoutParameters);
    return publicNoArgs ? Optional.empty() : Optional.of(UnusableClass.NO_PUBLIC_NO_ARGUMENT_CONSTRUCTOR.with());
  }

  private static boolean isPublicWithoutParameters(ExecutableElement constructor) {
    return constructor.getModifiers().contains(Modifier.PUBLIC) && constructor.getParameters().isEmpty();
  }
}
