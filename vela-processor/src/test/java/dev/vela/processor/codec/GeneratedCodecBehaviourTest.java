package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs at work: compiled with a stand-in for {@code Codecs} (the runtime's built-ins
 * are written elsewhere), loaded, and used to encode and decode values.
 */
class GeneratedCodecBehaviourTest {
  private static CompiledClasses classes;
  private static ClassLoader loader;
  private static ExecutorService threads;

  @BeforeAll
  static void compileAndLoad() {
    Planning planning = Planning.compile(
        type("Color", "public enum Color { RED, GREEN }"),
        type("Profile", "import java.math.BigDecimal;", "import java.time.*;", "import java.util.*;",
            "public record Profile(String name, int age, Integer rank, List<String> tags, Map<String, Instant> seen,",
            "    Optional<Color> favourite, Set<UUID> friends, BigDecimal balance, LocalDate born, char grade) {}"),
        type("Blob", "import java.util.Arrays;", "public record Blob(byte[] data) {",
            "  @Override public boolean equals(Object other) {",
            "    return other instanceof Blob blob && Arrays.equals(data, blob.data);",
            "  }",
            "  @Override public int hashCode() { return Arrays.hashCode(data); }",
            "}"),
        type("Tree", "import java.util.List;", "public record Tree(int value, List<Tree> children) {}"),
        type("Department", "import java.util.List;", "public record Department(String name, List<Employee> staff) {}"),
        type("Employee", "import java.util.Optional;", "public record Employee(String name, Optional<Department> heads) {}"),
        type("Shape", "public sealed interface Shape permits Circle, Shape.Square, Named {",
            "  record Square(double side) implements Shape {}",
            "}"),
        type("Circle", "public record Circle(double radius) implements Shape {}"),
        type("Named", "public enum Named implements Shape { DOT, NOTHING }"),
        type("Percent", "public record Percent(int value) {",
            "  public Percent {",
            "    if (value < 0 || value > 100) throw new IllegalArgumentException(\"value must be 0 to 100, was \" + value);",
            "  }",
            "}"),
        type("RawPercent", "public record RawPercent(int value) {}"),
        type("Lazy", "public record Lazy(String name) {}"),
        type("Awkward", "import java.util.List;",
            "public record Awkward(int in, long e, String value, int shape, Lazy lazy, List<Awkward> next) {}"),
        cache("Profiles", "Color", "Profile"),
        cache("Blobs", "String", "Blob"),
        cache("Trees", "String", "Tree"),
        cache("Departments", "String", "Department"),
        cache("Shapes", "Shape", "Percent"),
        cache("RawPercents", "String", "RawPercent"),
        cache("Awkwards", "String", "Awkward"),
        probe("ProfileProbe", "Profile",
            "new Profile(\"Ada\", 36, 7, List.of(\"a\", \"b\"), Map.of(\"home\", Instant.ofEpochSecond(1_700_000_000L, 5)),",
            "    Optional.of(Color.GREEN), new LinkedHashSet<>(List.of(new UUID(1, 2))), new BigDecimal(\"-12.50\"),",
            "    LocalDate.of(1815, 12, 10), 'A')",
            "new Profile(null, 0, null, null, null, null, null, null, null, '\\u00e9')",
            "new Profile(\"\", -1, -1, Arrays.asList(\"x\", null), new HashMap<>(Collections.singletonMap(null, null)),",
            "    Optional.empty(), Collections.emptySet(), BigDecimal.ZERO, LocalDate.MIN, Character.MAX_VALUE)"),
        probe("BlobProbe", "Blob", "new Blob(new byte[] {1, 2, -128})", "new Blob(null)", "new Blob(new byte[0])"),
        probe("TreeProbe", "Tree",
            "new Tree(1, List.of())",
            "new Tree(1, List.of(new Tree(2, null), new Tree(3, List.of(new Tree(4, List.of())))))"),
        type("DeepTreeProbe", "import dev.vela.codec.*;", "import dev.vela.processor.codec.CodecProbe;",
            "import java.util.List;",
            "public final class DeepTreeProbe implements CodecProbe<Tree> {",
            "  @Override public Codec<Tree> codec() { return new VelaCodec_Tree(); }",
            "  @Override public List<Tree> samples() {",
            "    Tree tree = new Tree(0, List.of());",
            "    for (int level = 1; level <= CodecInput.MAX_DEPTH; level++) {",
            "      tree = new Tree(level, List.of(tree));",
            "    }",
            "    return List.of(tree);",
            "  }",
            "}"),
        probe("DepartmentProbe", "Department",
            "new Department(\"Research\", List.of(new Employee(\"Grace\", Optional.empty()),",
            "    new Employee(\"Alan\", Optional.of(new Department(\"Logic\", List.of())))))"),
        probe("EmployeeProbe", "Employee", "new Employee(\"Grace\", Optional.of(new Department(\"Research\", null)))"),
        probe("ShapeProbe", "Shape", "new Circle(1.5)", "new Shape.Square(-0.0)", "Named.DOT", "Named.NOTHING"),
        probe("PercentProbe", "Percent", "new Percent(100)"),
        probe("AwkwardProbe", "Awkward",
            "new Awkward(1, 2L, \"v\", 3, new Lazy(\"z\"), List.of(new Awkward(4, 5L, null, 6, null, null)))"),
        probe("RawPercentProbe", "RawPercent", "new RawPercent(150)"));
    assertThat(planning.compilation()).succeededWithoutWarnings();
    classes = CompiledClasses.of(planning.compilation());
    loader = classes.newLoader();
    // daemon threads, so that a deadlock this test exists to catch cannot keep the JVM alive
    threads = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "codec-initializer");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterAll
  static void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void roundTripsEveryKindOfComponentWithNullsAndEmptyCollections() throws Exception {
    assertRoundTrips(probe("ProfileProbe"));
  }

  @Test
  void roundTripsByteArrays() throws Exception {
    assertRoundTrips(probe("BlobProbe"));
  }

  @Test
  void roundTripsARecursiveRecord() throws Exception {
    assertRoundTrips(probe("TreeProbe"));
  }

  @Test
  void roundTripsRecordsThatContainEachOther() throws Exception {
    assertRoundTrips(probe("DepartmentProbe"));
    assertRoundTrips(probe("EmployeeProbe"));
  }

  @Test
  void roundTripsComponentsNamedLikeTheGeneratedCodesOwnNames() throws Exception {
    assertRoundTrips(probe("AwkwardProbe"));
  }

  @Test
  void roundTripsEverySubtypeOfASealedInterface() throws Exception {
    assertRoundTrips(probe("ShapeProbe"));
  }

  @Test
  void refusesAnUnknownSubtypeTag() throws Exception {
    CodecOutput out = new CodecOutput();
    out.writeString("Triangle");

    assertThatThrownBy(() -> probe("ShapeProbe").codec().decode(new CodecInput(out.toByteArray())))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown subtype tag 'Triangle' for com.acme.Shape");
  }

  @Test
  void turnsAConstructorThatRefusesTheComponentsIntoACodecException() throws Exception {
    byte[] bytes = encode(probe("RawPercentProbe"));

    assertThatThrownBy(() -> probe("PercentProbe").codec().decode(new CodecInput(bytes)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("do not make a valid com.acme.Percent")
        .hasMessageContaining("value must be 0 to 100, was 150");
  }

  @Test
  void refusesBytesNestedDeeperThanTheInputAllows() throws Exception {
    // encoding has no depth limit, so a tree one level too deep encodes, and its bytes must not decode
    CodecProbe<?> deep = probe("DeepTreeProbe");
    byte[] bytes = encode(deep);

    assertThatThrownBy(() -> deep.codec().decode(new CodecInput(bytes)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("nest deeper than " + CodecInput.MAX_DEPTH);
  }

  @Test
  void describesRecursiveShapesFinitely() throws Exception {
    assertThat(probe("TreeProbe").codec().shape())
        .isEqualTo("record com.acme.Tree(int value,nullable<list<nullable<record com.acme.Tree>>> children)");
    assertThat(probe("ShapeProbe").codec().shape()).isEqualTo("sealed com.acme.Shape{Circle=record com.acme.Circle("
        + "double radius),Named=enum com.acme.Named,Shape$Square=record com.acme.Shape.Square(double side)}");
  }

  @Test
  void initializesCodecsThatReferToEachOtherFromTwoThreadsAtOnce() throws Exception {
    // bounded: each attempt uses fresh classes, so their initialization races again
    for (int attempt = 0; attempt < 20; attempt++) {
      ClassLoader fresh = classes.newLoader();
      CyclicBarrier start = new CyclicBarrier(2);
      Future<byte[]> departments = threads.submit(encodeAfter(start, fresh, "DepartmentProbe"));
      Future<byte[]> employees = threads.submit(encodeAfter(start, fresh, "EmployeeProbe"));

      assertThat(departments.get(10, TimeUnit.SECONDS)).isNotEmpty();
      assertThat(employees.get(10, TimeUnit.SECONDS)).isNotEmpty();
    }
  }

  private static Callable<byte[]> encodeAfter(CyclicBarrier start, ClassLoader fresh, String probeName) {
    return () -> {
      start.await(10, TimeUnit.SECONDS);
      return encode(probe(fresh, probeName));
    };
  }

  private static <T> void assertRoundTrips(CodecProbe<T> probe) {
    assertThat(probe.samples()).isNotEmpty();
    for (T sample : probe.samples()) {
      CodecInput in = new CodecInput(encodeOne(probe.codec(), sample));
      T decoded = probe.codec().decode(in);
      in.requireEnd();
      assertThat(decoded).isEqualTo(sample);
    }
  }

  private static <T> byte[] encode(CodecProbe<T> probe) {
    return encodeOne(probe.codec(), probe.samples().get(0));
  }

  private static <T> byte[] encodeOne(Codec<T> codec, T value) {
    CodecOutput out = new CodecOutput();
    codec.encode(value, out);
    return out.toByteArray();
  }

  private static CodecProbe<?> probe(String simpleName) throws Exception {
    return probe(loader, simpleName);
  }

  private static CodecProbe<?> probe(ClassLoader from, String simpleName) throws Exception {
    return (CodecProbe<?>) from.loadClass("com.acme." + simpleName).getConstructor().newInstance();
  }

  /** A probe of the generated codec of {@code type}, whose samples are the given expressions. */
  private static javax.tools.JavaFileObject probe(String name, String type, String... sampleLines) {
    List<String> lines = new ArrayList<>(List.of(
        "import dev.vela.codec.Codec;",
        "import dev.vela.processor.codec.CodecProbe;",
        "import java.math.BigDecimal;",
        "import java.time.*;",
        "import java.util.*;",
        "",
        "public final class " + name + " implements CodecProbe<" + type + "> {",
        "  @Override public Codec<" + type + "> codec() { return new VelaCodec_" + type + "(); }",
        "",
        "  @Override public List<" + type + "> samples() {",
        "    List<" + type + "> samples = new ArrayList<>();"));
    StringBuilder sample = new StringBuilder();
    for (String line : sampleLines) {
      // a sample starts with "new " or a constant; continuation lines are indented
      if (!line.startsWith("    ") && sample.length() > 0) {
        lines.add("    samples.add(" + sample + ");");
        sample.setLength(0);
      }
      sample.append(line.strip()).append(' ');
    }
    lines.add("    samples.add(" + sample + ");");
    lines.add("    return samples;");
    lines.add("  }");
    lines.add("}");
    return type(name, lines.toArray(String[]::new));
  }
}
