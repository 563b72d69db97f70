package dev.vela.processor.codec;

import dev.vela.processor.codec.Resolution.Found;
import dev.vela.processor.codec.Resolution.Missing;
import dev.vela.processor.diagnostic.CacheReport;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Plans the codecs of cache key and value types, and writes the codec classes those plans need:
 * one {@code VelaCodec_<Type>} per record or sealed interface per compilation, however many caches
 * use it, and none when a class of that name is on the class path already.
 *
 * <p>Create one planner per compilation and keep it for every round, so that it remembers what it
 * generated. The rules for each kind of type are in {@link CodecResolver}; {@code package-info}
 * lists what is supported.
 */
public final class CodecPlanner {
  private final Elements elements;
  private final Types types;
  private final CodecClassCheck check;
  private final ProblemLog problems = new ProblemLog();
  private final UserCodecs userCodecs;
  private final CodecRegistry registry = new CodecRegistry();

  /** A planner that reads types with the utilities of {@code env}. */
  public CodecPlanner(ProcessingEnvironment env) {
    Objects.requireNonNull(env, "env");
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.check = new CodecClassCheck(elements, types);
    this.userCodecs = new UserCodecs(types, check, problems);
  }

  /**
   * Plans a codec for {@code type}, a key or value type of {@code cache}, whose {@code @VelaCodec}
   * annotations apply to it and to every type inside it. The expression of a supported plan is
   * valid in the package of {@code cache}; its codec never sees null. The problems found with
   * {@code @VelaCodec} annotations (codec classes that cannot be used, two codecs for one type, a
   * generated codec two caches would build differently) go into {@code report}, the cache's; each
   * is added once in the compilation, to the report of the first cache that meets it.
   */
  public CodecPlan plan(TypeMirror type, TypeElement cache, CacheReport report) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(cache, "cache");
    problems.reportTo(Objects.requireNonNull(report, "report"));
    try {
      return planNow(type, cache);
    } finally {
      problems.reportTo(null);
    }
  }

  private CodecPlan planNow(TypeMirror type, TypeElement cache) {
    GeneratedCodecs generated = new GeneratedCodecs(elements, types, registry, check, cache);
    CodecResolver resolver =
        new CodecResolver(elements, types, userCodecs, userCodecs.onCache(cache), generated);
    String cachePackage = elements.getPackageOf(cache).getQualifiedName().toString();
    Resolution resolution = resolver.resolve(type, cachePackage);
    if (resolution instanceof Missing missing) {
      return new CodecPlan.Unsupported(missing.path());
    }
    registry.addAll(generated.staged(), cache.getQualifiedName().toString());
    generated.conflicts().forEach(problems::add);
    return new CodecPlan.Supported(CodecExpressions.of(((Found) resolution).node()));
  }

  /** Writes the codec classes the plans need that were not written yet in this compilation. */
  public void writePending(Filer filer) throws IOException {
    Objects.requireNonNull(filer, "filer");
    CodecClassWriter writer = new CodecClassWriter(elements, registry);
    for (GeneratedCodec codec : registry.unwritten()) {
      TypeElement origin = elements.getTypeElement(codec.type().canonicalName());
      writer.write(codec, origin).writeTo(filer);
      registry.markWritten(codec.codecClass());
    }
  }
}
