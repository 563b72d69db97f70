package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Interfaces whose types do not exist yet wait for the round in which another processor writes them. */
class DeferralTest {

  @Test
  void waitsForATypeAnotherProcessorWritesAndThenGenerates() {
    JavaFileObject source = userCache();

    Compilation compilation = Compiler.javac()
        .withProcessors(new VelaProcessor(), new UserRecordWriter())
        .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .contains("extends ForwardingCache<String, GeneratedUser> implements UserCache");
  }

  @Test
  void reportsATypeThatNeverAppears() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache",
        "public interface UserCache extends Cache<String, MissingUser> {}");

    assertThat(Compilations.compile(source)).hadErrorContaining(
            "com.acme.UserCache uses MissingUser, which is still unknown at the end of compilation; check its name and"
                + " imports, or the processor that should generate it")
        .inFile(source).onLineContaining("interface UserCache");
  }

  /** A cache of {@code GeneratedUser}, a record {@link UserRecordWriter} writes. */
  static JavaFileObject userCache() {
    return Sources.acme("UserCache",
        "import java.util.Optional;",
        "",
        "@VelaCache",
        "public interface UserCache extends Cache<String, GeneratedUser> {",
        "  @Override",
        "  Optional<GeneratedUser> get(String key);",
        "}");
  }

  /** Writes the record {@code com.acme.GeneratedUser} in the first round, as a user's other processor might. */
  static final class UserRecordWriter extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("com.acme.GeneratedUser").openWriter()) {
          writer.write("package com.acme;\n\npublic record GeneratedUser(String name) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
