package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated classes compile without a single lint warning, so users can build with -Werror. */
class GeneratedCodeLintTest {

  private static JavaFileObject[] inputs() {
    return new JavaFileObject[] {
      Sources.acme("User", "public record User(String id, String name) {}"),
      Sources.acme("UserCache",
          "import java.util.List;",
          "import java.util.Optional;",
          "",
          "@VelaCache(defaultTtl = \"5m\", maxSize = 100, evictionPolicy = EvictionPolicy.LFU,",
          "    stampedeTimeout = \"PT0.000001S\", telemetryPrefix = {\"shop\"})",
          "public interface UserCache extends Cache<String, List<User>> {",
          "  static UserCache create() {",
          "    return VelaUserCache.create();",
          "  }",
          "",
          "  @Override",
          "  Optional<List<User>> get(String key);",
          "}"),
      Sources.acme("BytesCache", "@VelaCache", "public interface BytesCache extends Cache<Long, byte[]> {}")
    };
  }

  @Test
  void generatedSourcesCompileWithEveryLintAsAnError() {
    Compilation processed = Compilations.compile(inputs());
    assertThat(processed).succeededWithoutWarnings();
    List<JavaFileObject> all = new ArrayList<>(List.of(inputs()));
    all.addAll(processed.generatedSourceFiles());
    assertThat(all).hasSize(6); // three inputs, two caches, one record codec

    // -proc:none: the generated sources are compiled as a user's IDE would see them, without the processor
    Compilation compilation = Compiler.javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(all);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void processingWithLintAsErrorsSucceeds() {
    // "processing" lint only notes that no processor claims @Generated, which is not about generated code
    Compilation compilation = Compiler.javac()
        .withProcessors(new VelaProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(inputs());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache");
    assertThat(compilation).generatedSourceFile("com.acme.VelaBytesCache");
  }
}
