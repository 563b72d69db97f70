package dev.vela.processor.codec;

import dev.vela.processor.validation.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Plans the codecs of cache key and value types. This version plans none: every type is reported
 * unsupported until codec generation is built.
 */
public final class CodecPlanner {
  /** A planner for one compilation. */
  public CodecPlanner(ProcessingEnvironment env) {
    Objects.requireNonNull(env, "env");
  }

  /** Plans a codec for {@code type} (a key or value type of {@code cache}, whose @VelaCodec annotations apply). */
  public CodecPlan plan(TypeMirror type, TypeElement cache) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(cache, "cache");
    return new CodecPlan.Unsupported("codec generation is not built yet");
  }

  /** Problems with @VelaCodec annotations seen so far (bad codec classes, conflicts), each a Problem. */
  public List<Problem> problems() {
    return List.of();
  }

  /**
   * Writes the codec classes the plans need that were not written yet in this compilation.
   *
   * @throws IOException when a source file cannot be written
   */
  public void writePending(Filer filer) throws IOException {
    Objects.requireNonNull(filer, "filer");
  }
}
