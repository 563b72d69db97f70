package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated sources compared with the files under {@code src/test/resources/codec/golden}. Run
 * the tests with {@code -Dgolden.update=true} to rewrite those files when the output changes on
 * purpose, then review the difference before committing it.
 */
final class GoldenFiles {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private GoldenFiles() {}

  /**
   * Asserts that the compilation generated {@code qualifiedName} exactly as the golden file {@code
   * <group>/<SimpleName>.java} says, both as text and as an equivalent syntax tree.
   */
  static void assertGenerated(Planning planning, String group, String qualifiedName) {
    String actual = planning.generatedSource(qualifiedName);
    Path file = directory().resolve(group).resolve(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) + ".java");
    if (UPDATE) {
      write(file, actual);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError("no golden file " + file + "; run with -Dgolden.update=true to write it");
    }
    String expected = read(file);
    assertThat(actual)
        .as("%s differs from %s; if the change is meant, run with -Dgolden.update=true", qualifiedName, file)
        .isEqualTo(expected);
    assertThat(planning.compilation())
        .generatedSourceFile(qualifiedName)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(qualifiedName, expected));
  }

  private static Path directory() {
    String shared = System.getProperty("golden.dir");
    return shared != null
        ? Path.of(shared).resolveSibling("codec").resolve("golden")
        : Path.of("src", "test", "resources", "codec", "golden");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
