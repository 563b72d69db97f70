package dev.vela.processor.codec;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * One compilation with the {@link PlanningProcessor}: the compiler's result and the plans made.
 *
 * @param compilation what the compiler did
 * @param processor the processor, which holds the plans
 */
record Planning(Compilation compilation, PlanningProcessor processor) {

  /** Compiles {@code sources} with a new planning processor and the options given. */
  static Planning compile(List<String> options, JavaFileObject... sources) {
    PlanningProcessor processor = new PlanningProcessor();
    Compilation compilation = Compiler.javac().withProcessors(processor).withOptions(options).compile(sources);
    return new Planning(compilation, processor);
  }

  /** Compiles {@code sources} with a new planning processor. */
  static Planning compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** The key plan of {@code com.acme.<cache>}. */
  CodecPlan key(String cache) {
    return processor.keyPlan("com.acme." + cache);
  }

  /** The value plan of {@code com.acme.<cache>}. */
  CodecPlan value(String cache) {
    return processor.valuePlan("com.acme." + cache);
  }

  /** The text of a generated source file, such as {@code com.acme.VelaCodec_User}. */
  String generatedSource(String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + "; generated: "
            + compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).toList()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the generated source files, such as {@code /SOURCE_OUTPUT/com/acme/VelaCodec_User.java}. */
  List<String> generatedSourceNames() {
    return compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).sorted().toList();
  }
}
