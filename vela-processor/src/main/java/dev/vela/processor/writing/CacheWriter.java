package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.ForwardingCache;
import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.TypeCodec;
import dev.vela.processor.codec.CodecPlan;
import dev.vela.processor.model.CacheModel;
import dev.vela.processor.model.CacheSettings;
import dev.vela.processor.model.CacheType;
import dev.vela.processor.model.OptionSetting;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes {@code Vela<Name>}: a final class that forwards to the runtime's cache, with {@code
 * create()} and a {@code builder()} preset with every attribute of {@code @VelaCache}, written out
 * explicitly so that the generated class is the readable record of the settings.
 */
public final class CacheWriter extends SourceFileGenerator<CacheClass> {
  private static final String TYPES = "TYPES";

  /** A writer creating files through {@code filer}, looking up {@code @Generated} in {@code elements}. */
  public CacheWriter(Filer filer, Elements elements) {
    super(filer, elements);
  }

  @Override
  protected ClassName className(CacheClass input) {
    return GeneratedNames.cacheClass(input.model().interfaceName());
  }

  @Override
  protected Element originatingElement(CacheClass input) {
    return input.model().element();
  }

  @Override
  protected TypeSpec.Builder write(CacheClass input) {
    CacheModel model = input.model();
    ClassName self = className(input);
    TypeName key = model.key().name();
    TypeName value = model.value().name();
    return TypeSpec.classBuilder(self)
        .avoidClashesWithNestedClasses(model.element())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ClassName.get(ForwardingCache.class), key, value))
        .addSuperinterface(model.interfaceName())
        .addField(typesField(input))
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Cache.class), key, value), "delegate")
            .addStatement("super(delegate)")
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc(
                "Creates a cache with the settings of {@code @VelaCache} on {@link $T}.\n", model.interfaceName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(model.interfaceName())
            .addStatement("return builder().create()")
            .build())
        .addMethod(builderMethod(model, self))
        .addType(DeclarationType.of(model, self));
  }

  private static FieldSpec typesField(CacheClass input) {
    CacheModel model = input.model();
    return FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(CacheTypes.class), model.key().name(), model.value().name()),
            TYPES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T<>(\n$>$>$L,\n$L$<$<)",
            CacheTypes.class, typeCodec(model.key(), input.keyCodec()), typeCodec(model.value(), input.valueCodec()))
        .build();
  }

  private static CodeBlock typeCodec(CacheType type, CodecPlan plan) {
    if (plan instanceof CodecPlan.Supported supported) {
      return CodeBlock.of("$T.of($S, $L)", TypeCodec.class, type.sourceName(), supported.expression());
    }
    CodecPlan.Unsupported unsupported = (CodecPlan.Unsupported) plan;
    return CodeBlock.of("$T.missing($S, $S)", TypeCodec.class, type.sourceName(), unsupported.path());
  }

  private static MethodSpec builderMethod(CacheModel model, ClassName self) {
    CacheSettings settings = model.settings();
    TypeName builderType = ParameterizedTypeName.get(
        ClassName.get(CacheBuilder.class), model.key().name(), model.value().name(), model.interfaceName());
    CodeBlock.Builder chain = CodeBlock.builder()
        .add("return new $T($L, $S, $T.$L, $T.$L, $T::new)", builderType, TYPES, settings.name(),
            Backend.class, settings.backend().name(), Topology.class, settings.topology().name(), self);
    for (OptionSetting option : settings.allOptions()) {
      chain.add("\n.option($S, $S)", option.name(), option.value());
    }
    chain.add("\n.defaultTtl($L)", DurationLiteral.of(settings.defaultTtl()))
        .add("\n.maxSize($LL)", settings.maxSize());
    if (settings.maxWeight() != -1) {
      chain.add("\n.maxWeight($LL)", settings.maxWeight());
    }
    settings.weigher().ifPresent(weigher -> chain.add("\n.weigher(new $T())", ClassName.bestGuess(weigher)));
    if (settings.evictionPolicyWritten()) {
      chain.add("\n.evictionPolicy($T.$L)", EvictionPolicy.class, settings.evictionPolicy().name());
    }
    chain.add("\n.stampedeProtection($L)", settings.stampedeProtection())
        .add("\n.stampedeTimeout($L)", DurationLiteral.of(settings.stampedeTimeout()))
        .add("\n.statsEnabled($L)", settings.statsEnabled())
        .add("\n.telemetryPrefix($L)", CodeBlock.join(
            settings.telemetryPrefix().stream().map(part -> CodeBlock.of("$S", part)).toList(), ", "))
        .add("\n.sweepInterval($L)", DurationLiteral.of(settings.sweepInterval()))
        .add("\n.nearCache($L)", settings.nearCache())
        .add("\n.nearCacheL1Ttl($L)", DurationLiteral.of(settings.nearCacheL1Ttl()));
    return MethodSpec.methodBuilder("builder")
        .addJavadoc("Returns a builder preset with the settings of {@code @VelaCache} on {@link $T}, whose setters\n"
            + "override any of them before {@code create()}.\n", model.interfaceName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builderType)
        .addStatement("$L", chain.build())
        .build();
  }
}
