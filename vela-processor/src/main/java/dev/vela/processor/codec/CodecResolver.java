package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.codec.CodecNode.BuiltIn;
import dev.vela.processor.codec.CodecNode.Container;
import dev.vela.processor.codec.CodecNode.ContainerKind;
import dev.vela.processor.codec.CodecNode.EnumByName;
import dev.vela.processor.codec.CodecNode.Instance;
import dev.vela.processor.codec.CodecNode.MapOf;
import dev.vela.processor.codec.CodecNode.Nullable;
import dev.vela.processor.codec.Resolution.Found;
import dev.vela.processor.codec.Resolution.Missing;
import dev.vela.processor.codec.UserCodecs.UnusableOwnCodec;
import dev.vela.processor.codec.UserCodecs.UsableOwnCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The type-kind rules: which codec each kind of type gets. In order, a type uses the codec the cache
 * interface declares for it, then the codec it declares for itself, then a built-in codec
 * (primitives and boxes, {@code String}, {@code UUID}, {@code BigDecimal}, {@code BigInteger}, the
 * {@code java.time} types of {@link BuiltInCodec}, {@code byte[]}), a combinator ({@code List},
 * {@code Set}, {@code Optional}, {@code Map} of concrete supported types), its constants by name
 * (enums), or a generated class (records and sealed interfaces, through {@link GeneratedCodecs}).
 * Anything else is missing, with a path to the first part that is.
 *
 * <p>Each type is resolved from a host package, where the code that names it will live; a type
 * that code cannot name there (a private nested type, say) has no codec.
 */
final class CodecResolver {
  private final Elements elements;
  private final Types types;
  private final UserCodecs userCodecs;
  private final CacheCodecs cacheCodecs;
  private final GeneratedCodecs generated;

  CodecResolver(
      Elements elements,
      Types types,
      UserCodecs userCodecs,
      CacheCodecs cacheCodecs,
      GeneratedCodecs generated) {
    this.elements = elements;
    this.types = types;
    this.userCodecs = userCodecs;
    this.cacheCodecs = cacheCodecs;
    this.generated = generated;
  }

  /** Resolves {@code type} for code in package {@code hostPackage}; the result is never nullable. */
  Resolution resolve(TypeMirror type, String hostPackage) {
    Optional<ClassName> declaredByCache = cacheCodecs.find(type);
    if (declaredByCache.isPresent()) {
      return new Found(new Instance(declaredByCache.get()));
    }
    return switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE ->
          new Found(new BuiltIn(BuiltInCodec.forPrimitive(type.getKind())));
      case ARRAY -> resolveArray((ArrayType) type);
      case DECLARED -> resolveDeclared((DeclaredType) type, hostPackage);
      case TYPEVAR -> Missing.of(type + " (a type variable)");
      case ERROR -> Missing.of(type + " (a type the compiler could not find)");
      default -> Missing.of(TypeText.shortForm(type));
    };
  }

  /**
   * The codec of a value that may be null: a record component, or an element of a collection or
   * map. Primitive values cannot be null, so they keep the plain codec.
   */
  Resolution resolveNullable(TypeMirror type, String hostPackage) {
    Resolution resolution = resolve(type, hostPackage);
    if (resolution instanceof Found found && !type.getKind().isPrimitive()) {
      return new Found(new Nullable(found.node()));
    }
    return resolution;
  }

  private Resolution resolveArray(ArrayType type) {
    if (type.getComponentType().getKind() == TypeKind.BYTE) {
      return new Found(new BuiltIn(BuiltInCodec.BYTE_ARRAY));
    }
    return Missing.of(TypeText.qualified(type));
  }

  private Resolution resolveDeclared(DeclaredType type, String hostPackage) {
    TypeElement element = (TypeElement) type.asElement();
    if (!JavaTypes.accessibleFrom(element, hostPackage, elements)) {
      return Missing.of(TypeText.qualified(type) + " (not accessible from generated code in package "
          + (hostPackage.isEmpty() ? "<unnamed>" : hostPackage) + ")");
    }
    UserCodecs.OwnCodec own = userCodecs.ownCodec(element);
    if (own instanceof UsableOwnCodec usable) {
      return types.isSameType(usable.encodes(), type)
          ? new Found(new Instance(usable.codecClass()))
          : Missing.of(TypeText.shortForm(type) + " (its @VelaCodec " + usable.codecClass().canonicalName()
              + " encodes " + TypeText.shortForm(usable.encodes()) + ")");
    }
    if (own instanceof UnusableOwnCodec unusable) {
      return Missing.of(TypeText.qualified(type) + " (its @VelaCodec names " + unusable.codecClass()
          + ", which cannot be used)");
    }
    if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
      return Missing.of(TypeText.shortForm(type) + " (a raw type)");
    }
    String name = element.getQualifiedName().toString();
    Optional<BuiltInCodec> builtIn = BuiltInCodec.forTypeName(name);
    if (builtIn.isPresent()) {
      return new Found(new BuiltIn(builtIn.get()));
    }
    Optional<ContainerKind> container =
        Arrays.stream(ContainerKind.values()).filter(kind -> kind.typeName().equals(name)).findFirst();
    if (container.isPresent()) {
      return resolveContainer(type, container.get(), hostPackage);
    }
    if (name.equals("java.util.Map")) {
      return resolveMap(type, hostPackage);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new Found(new EnumByName(ClassName.get(element)));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return generated.resolveRecord(type, this);
    }
    if (element.getKind() == ElementKind.INTERFACE) {
      return generated.resolveSealed(type, this);
    }
    return Missing.of(TypeText.qualified(type));
  }

  private Resolution resolveContainer(DeclaredType type, ContainerKind kind, String hostPackage) {
    TypeMirror elementType = type.getTypeArguments().get(0);
    if (!isConcrete(elementType)) {
      return Missing.of(TypeText.shortForm(type));
    }
    Resolution element = kind.holdsNulls()
        ? resolveNullable(elementType, hostPackage)
        : resolve(elementType, hostPackage);
    if (element instanceof Missing missing) {
      return missing.inside();
    }
    return new Found(new Container(kind, ((Found) element).node()));
  }

  private Resolution resolveMap(DeclaredType type, String hostPackage) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (!isConcrete(arguments.get(0)) || !isConcrete(arguments.get(1))) {
      return Missing.of(TypeText.shortForm(type));
    }
    Resolution key = resolveNullable(arguments.get(0), hostPackage);
    if (key instanceof Missing missing) {
      return missing.inside();
    }
    Resolution value = resolveNullable(arguments.get(1), hostPackage);
    if (value instanceof Missing missing) {
      return missing.inside();
    }
    return new Found(new MapOf(((Found) key).node(), ((Found) value).node()));
  }

  /** Wildcards and type variables leave the element type open, so no codec can be chosen for it. */
  private static boolean isConcrete(TypeMirror typeArgument) {
    return typeArgument.getKind() != TypeKind.WILDCARD && typeArgument.getKind() != TypeKind.TYPEVAR;
  }
}
