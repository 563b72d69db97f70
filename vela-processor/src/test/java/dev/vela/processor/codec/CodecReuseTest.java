package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One codec class per record per compilation, and none for a record whose codec is on the class path already. */
class CodecReuseTest {
  private static final JavaFileObject USER = type("User", "public record User(String name, Address address) {}");
  private static final JavaFileObject ADDRESS = type("Address", "public record Address(String city) {}");

  @Test
  void writesOneClassForARecordTwoCachesShare() {
    Planning planning = Planning.compile(USER, ADDRESS,         cache("Users", "String", "User"),
        cache("UsersByAddress", "Address", "List<User>"));

    assertThat(planning.compilation()).succeededWithoutWarnings();
    assertThat(planning.generatedSourceNames()).containsExactly(
        "/SOURCE_OUTPUT/com/acme/VelaCodec_Address.java", "/SOURCE_OUTPUT/com/acme/VelaCodec_User.java");
    assertThat(SupportedPlanTest.expression(planning.value("Users"))).isEqualTo("new com.acme.VelaCodec_User()");
    assertThat(SupportedPlanTest.expression(planning.key("UsersByAddress")))
        .isEqualTo("new com.acme.VelaCodec_Address()");
    assertThat(SupportedPlanTest.expression(planning.value("UsersByAddress")))
        .isEqualTo("Codecs.list(Codecs.nullable(new com.acme.VelaCodec_User()))");
  }

  @Test
  void remembersWhatItGeneratedForCachesOfLaterRounds() {
    PlanningProcessor planning = new PlanningProcessor();
    Compilation compilation = Compiler.javac()
        .withProcessors(planning, new LaterCacheProcessor())
        .compile(USER, ADDRESS, cache("Users", "String", "User"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName).containsExactlyInAnyOrder(
        "/SOURCE_OUTPUT/com/acme/LaterUsers.java",
        "/SOURCE_OUTPUT/com/acme/VelaCodec_Address.java",
        "/SOURCE_OUTPUT/com/acme/VelaCodec_User.java");
    assertThat(SupportedPlanTest.expression(planning.valuePlan("com.acme.LaterUsers")))
        .isEqualTo("Codecs.optional(new com.acme.VelaCodec_User())");
  }

  @Test
  void reusesACodecClassFromTheClassPath(@TempDir Path library) throws IOException {
    Planning first = Planning.compile(USER, ADDRESS, cache("Users", "String", "User"));
    assertThat(first.compilation()).succeededWithoutWarnings();
    CompiledClasses.of(first.compilation()).writeTo(library);

    JavaFileObject team = type("Team", "import java.util.List;", "public record Team(List<User> members) {}");
    PlanningProcessor processor = new PlanningProcessor();
    Compilation second = Compiler.javac()
        .withProcessors(processor)
        .withClasspath(classPathWith(library))
        .compile(team, cache("Teams", "String", "Team"), cache("MoreUsers", "String", "User"));

    assertThat(second).succeededWithoutWarnings();
    assertThat(second.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .containsExactly("/SOURCE_OUTPUT/com/acme/VelaCodec_Team.java");
    assertThat(SupportedPlanTest.expression(processor.valuePlan("com.acme.MoreUsers")))
        .isEqualTo("new com.acme.VelaCodec_User()");
    assertThat(new Planning(second, processor).generatedSource("com.acme.VelaCodec_Team"))
        .contains("Codecs.nullable(Codecs.list(Codecs.nullable(new VelaCodec_User())))")
        .contains("\"record com.acme.Team(nullable<list<nullable<\" + new VelaCodec_User().shape() + \">>> members)\"");
  }

  @Test
  void doesNotMistakeAnUnrelatedClassOfTheGeneratedNameForACodec() {
    JavaFileObject impostor = type("VelaCodec_Address", "public final class VelaCodec_Address {}");

    Planning planning = Planning.compile(ADDRESS, impostor, cache("Addresses", "String", "Address"));

    assertThat(planning.value("Addresses")).isEqualTo(new CodecPlan.Unsupported(
        "Address (com.acme.VelaCodec_Address exists, but is not the Codec<Address> it would generate)"));
  }

  /** Writes, in the first round, a cache that the planning processor meets only in the second. */
  private static final class LaterCacheProcessor extends AbstractProcessor {
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
        try (Writer writer = processingEnv.getFiler().createSourceFile("com.acme.LaterUsers").openWriter()) {
          writer.write("package com.acme;\n@dev.vela.annotation.VelaCache\n"
              + "public interface LaterUsers extends dev.vela.Cache<String, java.util.Optional<User>> {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  /** The test's own class path, with {@code directory} first. */
  private static List<File> classPathWith(Path directory) {
    List<File> path = new ArrayList<>();
    path.add(directory.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    return path;
  }
}
