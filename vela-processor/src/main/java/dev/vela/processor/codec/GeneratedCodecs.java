package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.codec.CodecNode.Generated;
import dev.vela.processor.codec.CodecNode.Instance;
import dev.vela.processor.codec.GeneratedCodec.Component;
import dev.vela.processor.codec.GeneratedCodec.RecordCodec;
import dev.vela.processor.codec.GeneratedCodec.SealedCodec;
import dev.vela.processor.codec.GeneratedCodec.Variant;
import dev.vela.processor.codec.Resolution.Found;
import dev.vela.processor.codec.Resolution.Missing;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.diagnostic.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Plans the generated codec classes of records and sealed interfaces during one plan of one cache
 * type. What it plans is staged, and registered only when the whole plan succeeds: a record that
 * refers back to one whose plan fails later is useless. A type met again while it is still being
 * planned (a recursive record) is referred to by its class, which is what makes recursion work.
 */
final class GeneratedCodecs {
  private final Elements elements;
  private final Types types;
  private final CodecRegistry registry;
  private final CodecClassCheck check;
  private final TypeElement cache;
  private final Set<ClassName> inProgress = new HashSet<>();
  private final Map<ClassName, GeneratedCodec> staged = new LinkedHashMap<>();
  private final Map<ClassName, Missing> failed = new HashMap<>();
  private final List<Problem> conflicts = new ArrayList<>();

  GeneratedCodecs(
      Elements elements, Types types, CodecRegistry registry, CodecClassCheck check, TypeElement cache) {
    this.elements = elements;
    this.types = types;
    this.registry = registry;
    this.check = check;
    this.cache = cache;
  }

  /** The codec classes planned here that the registry does not know yet. */
  List<GeneratedCodec> staged() {
    return List.copyOf(staged.values());
  }

  /**
   * Places where this plan would generate a class differently from the plan of another cache that
   * registered it first; they matter only when this plan succeeds.
   */
  List<Problem> conflicts() {
    return List.copyOf(conflicts);
  }

  /** The codec of a record type: its generated class, or an existing one of that name. */
  Resolution resolveRecord(DeclaredType type, CodecResolver resolver) {
    TypeElement element = (TypeElement) type.asElement();
    if (!element.getTypeParameters().isEmpty()) {
      return Missing.of(TypeText.shortForm(type) + " (a generic record; write a @VelaCodec for it)");
    }
    return plan(type, element, () -> planRecord(element, resolver));
  }

  /** The codec of an interface: a generated class when it is sealed and its permitted subtypes have codecs. */
  Resolution resolveSealed(DeclaredType type, CodecResolver resolver) {
    TypeElement element = (TypeElement) type.asElement();
    if (!element.getModifiers().contains(Modifier.SEALED)) {
      return Missing.of(TypeText.qualified(type) + " (an interface that is not sealed)");
    }
    if (!element.getTypeParameters().isEmpty()) {
      return Missing.of(TypeText.shortForm(type) + " (a generic sealed interface; write a @VelaCodec for it)");
    }
    return plan(type, element, () -> planSealed(element, resolver));
  }

  /** How the plan of one record or sealed type turned out. */
  private sealed interface Attempt {}

  private record Built(GeneratedCodec codec) implements Attempt {}

  private record Failed(Missing missing) implements Attempt {}

  private Resolution plan(DeclaredType type, TypeElement element, Supplier<Attempt> body) {
    ClassName typeName = ClassName.get(element);
    ClassName codecClass = CodecNames.codecClass(typeName);
    Generated reference = new Generated(typeName, codecClass);
    if (inProgress.contains(codecClass) || staged.containsKey(codecClass)) {
      return new Found(reference);
    }
    if (failed.containsKey(codecClass)) {
      return failed.get(codecClass);
    }
    if (registry.find(codecClass).isEmpty()) {
      TypeElement existing = elements.getTypeElement(codecClass.canonicalName());
      if (existing != null) {
        return reuse(existing, type, codecClass);
      }
    }
    inProgress.add(codecClass);
    Attempt attempt = body.get();
    inProgress.remove(codecClass);
    if (attempt instanceof Failed failure) {
      failed.put(codecClass, failure.missing());
      return failure.missing();
    }
    register(((Built) attempt).codec());
    return new Found(reference);
  }

  /** A codec class of the generated name on the class path, from an earlier compilation: use it. */
  private Resolution reuse(TypeElement existing, DeclaredType type, ClassName codecClass) {
    Optional<TypeMirror> encodes = check.encodedType(existing.asType());
    if (encodes.isPresent() && types.isSameType(encodes.get(), type)) {
      return new Found(new Instance(codecClass));
    }
    return Missing.of(TypeText.shortForm(type) + " (" + codecClass.canonicalName()
        + " exists, but is not the Codec<" + TypeText.shortForm(type) + "> it would generate)");
  }

  private Attempt planRecord(TypeElement record, CodecResolver resolver) {
    ClassName typeName = ClassName.get(record);
    String recordPackage = packageOf(record);
    List<Component> components = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeMirror componentType = component.asType();
      Resolution resolution = resolver.resolveNullable(componentType, recordPackage);
      if (resolution instanceof Missing missing) {
        String label = CodecNames.shortName(typeName) + "." + component.getSimpleName();
        return new Failed(missing.throughComponent(label, TypeText.shortForm(componentType)));
      }
      String name = component.getSimpleName().toString();
      components.add(new Component(name, JavaTypes.typeName(componentType), ((Found) resolution).node()));
    }
    return new Built(new RecordCodec(typeName, CodecNames.codecClass(typeName), components));
  }

  private Attempt planSealed(TypeElement sealed, CodecResolver resolver) {
    ClassName typeName = ClassName.get(sealed);
    String sealedPackage = packageOf(sealed);
    List<Variant> variants = new ArrayList<>();
    for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
      Resolution resolution = resolver.resolve(permitted, sealedPackage);
      if (resolution instanceof Missing missing) {
        return new Failed(missing.inside());
      }
      ClassName subtype = ClassName.get((TypeElement) types.asElement(permitted));
      variants.add(new Variant(CodecNames.tag(subtype), subtype, ((Found) resolution).node()));
    }
    return new Built(new SealedCodec(typeName, CodecNames.codecClass(typeName), variants));
  }

  /**
   * Stages a planned class, unless another cache's plan registered it already: then the two plans
   * must agree, since one class serves both.
   */
  private void register(GeneratedCodec codec) {
    Optional<CodecRegistry.Registered> known = registry.find(codec.codecClass());
    if (known.isEmpty()) {
      staged.put(codec.codecClass(), codec);
    } else if (!known.get().codec().equals(codec)) {
      conflicts.add(new Problem(Message.CODEC_DIFFERS_BETWEEN_CACHES, cache, null, null, List.of(
          codec.type().canonicalName(), cache.getQualifiedName().toString(),
          firstDifference(known.get().codec(), codec), known.get().firstCache())));
    }
  }

  /** The name of the first component or permitted subtype that two plans of one type encode differently. */
  private static String firstDifference(GeneratedCodec first, GeneratedCodec second) {
    for (int i = 0; i < first.parts().size(); i++) {
      if (!first.parts().get(i).equals(second.parts().get(i))) {
        return first instanceof RecordCodec record
            ? record.components().get(i).name()
            : ((SealedCodec) first).variants().get(i).tag();
      }
    }
    // the plans are of one type, so they differ in some part; this only keeps the compiler content
    return "(unknown)";
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
