package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated record and sealed codec classes, compared with golden files. Each compilation also
 * includes a stand-in for {@code Codecs}, so the generated code must compile against the API the
 * runtime promises, with every lint warning an error.
 */
class GeneratedSourceGoldenTest {
  private static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  @Test
  void recordWithEveryKindOfComponent() {
    Planning planning = compile(everyKindOfComponent());

    GoldenFiles.assertGenerated(planning, "record", "com.acme.VelaCodec_User");
  }

  @Test
  void nestedRecord() {
    Planning planning = compile(
        type("Outer", "public final class Outer {",
            "  public enum Kind { SMALL, LARGE }",
            "  public record Rec(long id, Kind kind) {}",
            "}"),
        cache("Recs", "Long", "Outer.Rec"));

    GoldenFiles.assertGenerated(planning, "nested", "com.acme.VelaCodec_Outer_Rec");
  }

  @Test
  void sealedInterfaceOfRecordsAndAnEnum() {
    Planning planning = compile(
        type("Shape", "public sealed interface Shape permits Circle, Shape.Square, Named {",
            "  record Square(double side) implements Shape {}",
            "}"),
        type("Circle", "public record Circle(double radius) implements Shape {}"),
        type("Named", "public enum Named implements Shape { DOT, NOTHING }"),
        cache("Shapes", "String", "Shape"));

    GoldenFiles.assertGenerated(planning, "sealed", "com.acme.VelaCodec_Shape");
    GoldenFiles.assertGenerated(planning, "sealed", "com.acme.VelaCodec_Circle");
    GoldenFiles.assertGenerated(planning, "sealed", "com.acme.VelaCodec_Shape_Square");
  }

  @Test
  void recordThatContainsItself() {
    Planning planning = compile(
        type("Tree", "import java.util.List;", "public record Tree(int value, List<Tree> children) {}"),
        cache("Trees", "String", "Tree"));

    GoldenFiles.assertGenerated(planning, "recursive", "com.acme.VelaCodec_Tree");
  }

  @Test
  void recordsThatContainEachOther() {
    Planning planning = compile(mutuallyRecursive());

    GoldenFiles.assertGenerated(planning, "mutual", "com.acme.VelaCodec_Department");
    GoldenFiles.assertGenerated(planning, "mutual", "com.acme.VelaCodec_Employee");
  }

  @Test
  void componentsNamedLikeTheGeneratedCodesOwnNames() {
    Planning planning = compile(
        type("Lazy", "public record Lazy(String name) {}"),
        type("Awkward", "import java.util.List;",
            "public record Awkward(int in, long e, String value, int shape, Lazy lazy, List<Awkward> next) {}"),
        cache("Awkwards", "String", "Awkward"));

    GoldenFiles.assertGenerated(planning, "clashes", "com.acme.VelaCodec_Awkward");
  }

  @Test
  void recordWithHandWrittenCodecs() {
    Planning planning = compile(
        type("Site", "import java.net.URL;", "public record Site(String name, URL home, Money budget, int rank) {}"),
        type("Money", "import dev.vela.annotation.VelaCodec;",
            "@VelaCodec(MoneyCodec.class)", "public record Money(long cents) {}"),
        type("MoneyCodec", "import dev.vela.codec.*;",
            "public final class MoneyCodec implements Codec<Money> {",
            "  public void encode(Money value, CodecOutput out) { out.writeLong(value.cents()); }",
            "  public Money decode(CodecInput in) { return new Money(in.readLong()); }",
            "  public String shape() { return \"money\"; }",
            "}"),
        type("UrlCodec", "import dev.vela.codec.*;", "import java.net.*;",
            "public final class UrlCodec implements Codec<URL> {",
            "  public void encode(URL value, CodecOutput out) { out.writeString(value.toString()); }",
            "  public URL decode(CodecInput in) {",
            "    try {",
            "      return new URL(in.readString());",
            "    } catch (MalformedURLException e) {",
            "      throw new CodecException(e.getMessage());",
            "    }",
            "  }",
            "  public String shape() { return \"url\"; }",
            "}"),
        cache("Sites", "String", "Site", "@VelaCodec(UrlCodec.class)"));

    GoldenFiles.assertGenerated(planning, "handwritten", "com.acme.VelaCodec_Site");
  }

  @Test
  void outputDoesNotDependOnTheOrderOfSources() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(mutuallyRecursive()));
    sources.addAll(List.of(everyKindOfComponent()));
    Planning forwards = compile(sources.toArray(JavaFileObject[]::new));
    Collections.reverse(sources);
    Planning backwards = compile(sources.toArray(JavaFileObject[]::new));

    assertThat(backwards.generatedSourceNames()).isEqualTo(forwards.generatedSourceNames()).hasSize(3);
    for (String name : List.of("com.acme.VelaCodec_User", "com.acme.VelaCodec_Department", "com.acme.VelaCodec_Employee")) {
      assertThat(backwards.generatedSource(name)).isEqualTo(forwards.generatedSource(name));
    }
  }

  private static JavaFileObject[] everyKindOfComponent() {
    return new JavaFileObject[] {
        type("Color", "public enum Color { RED, GREEN }"),
        type("User", "import java.time.Instant;", "import java.util.*;",
            "public record User(String name, int age, Integer rank, List<String> tags, Map<String, Instant> seen,",
            "    Optional<Color> favourite, Set<UUID> friends, byte[] avatar, boolean active) {}"),
        cache("Users", "String", "User"),
    };
  }

  private static JavaFileObject[] mutuallyRecursive() {
    return new JavaFileObject[] {
        type("Department", "import java.util.List;", "public record Department(String name, List<Employee> staff) {}"),
        type("Employee", "import java.util.Optional;",
            "public record Employee(String name, Optional<Department> heads) {}"),
        cache("Departments", "String", "Department"),
    };
  }

  private static Planning compile(JavaFileObject... sources) {
    Planning planning = Planning.compile(STRICT, sources);
    assertThat(planning.compilation()).succeededWithoutWarnings();
    return planning;
  }
}
