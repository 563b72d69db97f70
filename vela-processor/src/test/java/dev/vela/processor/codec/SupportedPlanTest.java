package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression of a supported plan, for each family of types, as golden strings. */
class SupportedPlanTest {
  /** Value type of each cache, by the cache's name: {@code Cache<String, <type>>}. */
  private static final String[][] VALUE_TYPES = {
      {"Booleans", "Boolean"}, {"Bytes", "Byte"}, {"Shorts", "Short"}, {"Chars", "Character"},
      {"Ints", "Integer"}, {"Longs", "Long"}, {"Floats", "Float"}, {"Doubles", "Double"},
      {"Strings", "String"}, {"Uuids", "UUID"}, {"Decimals", "BigDecimal"}, {"BigInts", "BigInteger"},
      {"Instants", "Instant"}, {"Durations", "Duration"}, {"Dates", "LocalDate"}, {"Times", "LocalTime"},
      {"DateTimes", "LocalDateTime"}, {"OffsetDateTimes", "OffsetDateTime"},
      {"ZonedDateTimes", "ZonedDateTime"}, {"Zones", "ZoneId"}, {"ByteArrays", "byte[]"},
      {"StringLists", "List<String>"}, {"IntSets", "Set<Integer>"}, {"OptionalStrings", "Optional<String>"},
      {"Maps", "Map<String, List<Long>>"}, {"Colors", "Color"}, {"ColorOptions", "Optional<List<Color>>"},
      {"Users", "User"}, {"UserLists", "List<User>"}, {"Nested", "Outer.Rec"}, {"Shapes", "Shape"},
      {"Monies", "Money"}, {"Urls", "URL"}, {"UrlMaps", "Map<URL, Money>"},
  };

  private static Planning planning;

  @BeforeAll
  static void compileOneCachePerType() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(
        type("Color", "public enum Color { RED, GREEN }"),
        type("User", "import java.util.List;", "public record User(String name, int age, List<String> tags) {}"),
        type("Outer", "public final class Outer {", "  public record Rec(long id) {}", "}"),
        type("Shape", "public sealed interface Shape permits Circle, Square {}"),
        type("Circle", "public record Circle(double radius) implements Shape {}"),
        type("Square", "public record Square(double side) implements Shape {}"),
        type("Money", "import dev.vela.annotation.VelaCodec;",
            "@VelaCodec(MoneyCodec.class)", "public final class Money {}"),
        type("MoneyCodec", "import dev.vela.codec.*;",
            "public final class MoneyCodec implements Codec<Money> {",
            "  public void encode(Money value, CodecOutput out) {}",
            "  public Money decode(CodecInput in) { return new Money(); }",
            "  public String shape() { return \"money\"; }",
            "}"),
        type("UrlCodec", "import dev.vela.codec.*;", "import java.net.URL;",
            "public final class UrlCodec implements Codec<URL> {",
            "  public void encode(URL value, CodecOutput out) {}",
            "  public URL decode(CodecInput in) { return null; }",
            "  public String shape() { return \"url\"; }",
            "}")));
    for (String[] cache : VALUE_TYPES) {
      sources.add(cache(cache[0], "String", cache[1], "@VelaCodec(UrlCodec.class)"));
    }
    planning = Planning.compile(sources.toArray(JavaFileObject[]::new));
  }

  @Test
  void compilesWithoutProblems() {
    assertThat(planning.compilation()).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Booleans        | Codecs.BOOLEAN
      Bytes           | Codecs.BYTE
      Shorts          | Codecs.SHORT
      Chars           | Codecs.CHAR
      Ints            | Codecs.INT
      Longs           | Codecs.LONG
      Floats          | Codecs.FLOAT
      Doubles         | Codecs.DOUBLE
      Strings         | Codecs.STRING
      Uuids           | Codecs.UUID
      Decimals        | Codecs.BIG_DECIMAL
      BigInts         | Codecs.BIG_INTEGER
      Instants        | Codecs.INSTANT
      Durations       | Codecs.DURATION
      Dates           | Codecs.LOCAL_DATE
      Times           | Codecs.LOCAL_TIME
      DateTimes       | Codecs.LOCAL_DATE_TIME
      OffsetDateTimes | Codecs.OFFSET_DATE_TIME
      ZonedDateTimes  | Codecs.ZONED_DATE_TIME
      Zones           | Codecs.ZONE_ID
      ByteArrays      | Codecs.BYTE_ARRAY
      StringLists     | Codecs.list(Codecs.nullable(Codecs.STRING))
      IntSets         | Codecs.set(Codecs.nullable(Codecs.INT))
      OptionalStrings | Codecs.optional(Codecs.STRING)
      Maps            | Codecs.map(Codecs.nullable(Codecs.STRING), Codecs.nullable(Codecs.list(Codecs.nullable(Codecs.LONG))))
      Colors          | Codecs.enumByName("com.acme.Color", com.acme.Color.values())
      ColorOptions    | Codecs.optional(Codecs.list(Codecs.nullable(Codecs.enumByName("com.acme.Color", com.acme.Color.values()))))
      Users           | new com.acme.VelaCodec_User()
      UserLists       | Codecs.list(Codecs.nullable(new com.acme.VelaCodec_User()))
      Nested          | new com.acme.VelaCodec_Outer_Rec()
      Shapes          | new com.acme.VelaCodec_Shape()
      Monies          | new com.acme.MoneyCodec()
      Urls            | new com.acme.UrlCodec()
      UrlMaps         | Codecs.map(Codecs.nullable(new com.acme.UrlCodec()), Codecs.nullable(new com.acme.MoneyCodec()))
      """)
  void plansTheExpression(String cache, String expected) {
    assertThat(expression(planning.value(cache))).isEqualTo(expected);
  }

  @Test
  void namesCodecsFullyQualifiedInTheCodeBlock() {
    CodecPlan plan = planning.value("StringLists");

    assertThat(plan).isInstanceOfSatisfying(CodecPlan.Supported.class, supported ->
        assertThat(supported.expression().toString())
            .isEqualTo("dev.vela.codec.Codecs.list(dev.vela.codec.Codecs.nullable(dev.vela.codec.Codecs.STRING))"));
  }

  /** The expression with {@code dev.vela.codec.} left out, to keep the table above readable. */
  static String expression(CodecPlan plan) {
    assertThat(plan).isInstanceOf(CodecPlan.Supported.class);
    return ((CodecPlan.Supported) plan).expression().toString().replace("dev.vela.codec.Codecs.", "Codecs.");
  }
}
