package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.diagnostic.UnusableClass;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
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
 * Checks a class named by {@code @VelaCodec}: generated code creates it with {@code new X()}, so it
 * must be a public, concrete, top-level or static class with a public no-argument constructor,
 * and it must implement {@code dev.vela.codec.Codec<T>} for one concrete {@code T}.
 */
final class CodecClassCheck {
  static final String CODEC_INTERFACE = "dev.vela.codec.Codec";

  private final Elements elements;
  private final Types types;

  CodecClassCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The outcome of a check: a usable codec class and the type it encodes, or the reason it is not usable. */
  sealed interface Outcome {}

  /**
   * A class generated code can create.
   *
   * @param codecClass the class
   * @param encodes the {@code T} of its {@code Codec<T>}
   */
  record Usable(ClassName codecClass, TypeMirror encodes) implements Outcome {
    Usable {
      Objects.requireNonNull(codecClass, "codecClass");
      Objects.requireNonNull(encodes, "encodes");
    }
  }

  /**
   * A class generated code cannot use.
   *
   * @param reason what is wrong
   */
  record Unusable(UnusableClass.Reason reason) implements Outcome {
    Unusable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Checks the class {@code named}, as an annotation value gives it. */
  Outcome check(TypeMirror named) {
    if (named.getKind() != TypeKind.DECLARED) {
      return new Unusable(UnusableClass.NOT_A_CLASS.with());
    }
    TypeElement codec = (TypeElement) ((DeclaredType) named).asElement();
    if (codec.getKind() != ElementKind.CLASS && codec.getKind() != ElementKind.RECORD) {
      return new Unusable(UnusableClass.NOT_A_CLASS.with());
    }
    if (!isPublicAllTheWayOut(codec)) {
      return new Unusable(UnusableClass.NOT_PUBLIC_ALL_THE_WAY_OUT.with());
    }
    if (codec.getNestingKind() == NestingKind.MEMBER && !codec.getModifiers().contains(Modifier.STATIC)) {
      return new Unusable(UnusableClass.INNER_CLASS.with());
    }
    if (codec.getModifiers().contains(Modifier.ABSTRACT)) {
      return new Unusable(UnusableClass.ABSTRACT.with());
    }
    if (!hasPublicNoArgumentConstructor(codec)) {
      return new Unusable(UnusableClass.NO_PUBLIC_NO_ARGUMENT_CONSTRUCTOR.with());
    }
    if (!codec.getTypeParameters().isEmpty()) {
      return new Unusable(UnusableClass.TYPE_PARAMETERS.with());
    }
    Optional<TypeMirror> encodes = encodedType(codec.asType());
    if (encodes.isEmpty()) {
      return new Unusable(UnusableClass.DOES_NOT_IMPLEMENT.with(CODEC_INTERFACE));
    }
    return new Usable(ClassName.get(codec), encodes.get());
  }

  /**
   * The {@code T} of the {@code Codec<T>} that {@code type} implements, found through its
   * supertypes with their type arguments substituted; empty when it implements no {@code Codec}
   * or only the raw one.
   */
  Optional<TypeMirror> encodedType(TypeMirror type) {
    TypeElement codecInterface = elements.getTypeElement(CODEC_INTERFACE);
    if (codecInterface == null) {
      return Optional.empty();
    }
    ArrayDeque<TypeMirror> toVisit = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    toVisit.add(type);
    while (!toVisit.isEmpty()) {
      TypeMirror next = toVisit.poll();
      if (!seen.add(next.toString())) {
        continue;
      }
      if (next instanceof DeclaredType declared && declared.asElement().equals(codecInterface)) {
        return declared.getTypeArguments().size() == 1
            ? Optional.of(declared.getTypeArguments().get(0))
            : Optional.empty();
      }
      toVisit.addAll(types.directSupertypes(next));
    }
    return Optional.empty();
  }

  private static boolean isPublicAllTheWayOut(TypeElement type) {
    Element current = type;
    while (current instanceof TypeElement element) {
      if (!element.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      current = element.getEnclosingElement();
    }
    return true;
  }

  private static boolean hasPublicNoArgumentConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }
}
