package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.vela.processor.writing.DeclarationList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Generated classes compared with the golden files under {@code src/test/resources/golden}, both as
 * Java trees and byte for byte, after compiling each input twice to show the output does not vary.
 * Run with {@code -Dgolden.update=true} to rewrite the golden files after an intended change.
 */
class GoldenFilesTest {
  private static final Path GOLDEN_DIR = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Test
  void defaultSettings() throws IOException {
    JavaFileObject source = Sources.acme("DefaultsCache",
        "@VelaCache",
        "public interface DefaultsCache extends Cache<String, String> {",
        "  static DefaultsCache create() {",
        "    return VelaDefaultsCache.create();",
        "  }",
        "}");

    assertMatchesGolden("com.acme.VelaDefaultsCache", source);
  }

  @Test
  void everySettingWritten() throws IOException {
    JavaFileObject user = Sources.acme("User", "public record User(String id, String name) {}");
    JavaFileObject source = Sources.acme("TunedCache",
        "import java.util.UUID;",
        "",
        "@VelaCache(",
        "    name = \"tuned-users\",",
        "    defaultTtl = \"PT90M\",",
        "    maxSize = 10_000,",
        "    evictionPolicy = EvictionPolicy.LRU,",
        "    stampedeProtection = false,",
        "    stampedeTimeout = \"250ms\",",
        "    statsEnabled = false,",
        "    telemetryPrefix = {\"shop\", \"users\"},",
        "    sweepInterval = \"1d\",",
        "    nearCacheL1Ttl = \"2h\")",
        "public interface TunedCache extends Cache<UUID, User> {",
        "  default User require(UUID id) {",
        "    return getOrThrow(id);",
        "  }",
        "}");

    assertMatchesGolden("com.acme.VelaTunedCache", user, source);
  }

  @Test
  void nestedInterface() throws IOException {
    JavaFileObject source = Sources.acme("Outer",
        "import java.util.List;",
        "",
        "public final class Outer {",
        "  private Outer() {}",
        "",
        "  @VelaCache(defaultTtl = \"10m\", sweepInterval = \"infinity\", nearCache = false)",
        "  public interface Inner extends Cache<Long, List<String>> {}",
        "}");

    assertMatchesGolden("com.acme.VelaOuter_Inner", source);
  }

  @Test
  void listOfDeclaredCaches() throws IOException {
    JavaFileObject[] sources = DeclaredCachesTest.threeCaches();
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String listed = list(compilation);
    assertThat(list(compile(sources))).as("a second compilation writes the same bytes").isEqualTo(listed);

    Path golden = GOLDEN_DIR.resolve("dev.vela.registry.DeclaredCache");
    if (UPDATE) {
      Files.writeString(golden, listed, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; run with -Dgolden.update=true to write it").exists();
    assertThat(listed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String list(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", DeclarationList.PATH)
        .orElseThrow(() -> new AssertionError(DeclarationList.PATH + " was not written"))
        .getCharContent(true).toString();
  }

  private static void assertMatchesGolden(String generatedName, JavaFileObject... sources) throws IOException {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = contents(compilation, generatedName);
    assertThat(contents(compile(sources), generatedName))
        .as("a second compilation of the same sources writes the same bytes")
        .isEqualTo(generated);

    Path golden = GOLDEN_DIR.resolve(generatedName.substring(generatedName.lastIndexOf('.') + 1) + ".java");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; run with -Dgolden.update=true to write it").exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(compilation).generatedSourceFile(generatedName)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(generatedName, expected));
    assertThat(generated).isEqualTo(expected);
  }

  private static String contents(Compilation compilation, String generatedName) throws IOException {
    JavaFileObject file = compilation.generatedSourceFile(generatedName)
        .orElseThrow(() -> new AssertionError(generatedName + " was not generated"));
    return file.getCharContent(true).toString();
  }
}
