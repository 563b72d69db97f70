package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Codec classes named by {@code @VelaCodec} that cannot be used, and codecs that conflict: each
 * reported on the annotation value, in the right file and line, and never used in a plan.
 */
class UserCodecProblemTest {
  private static final JavaFileObject URL_CODEC = codec("UrlCodec", "public final class UrlCodec", "java.net.URL");
  private static final JavaFileObject OTHER_URL_CODEC =
      codec("OtherUrlCodec", "public final class OtherUrlCodec", "java.net.URL");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      NotPublic    | final class NotPublic implements Codec<Money>                         | is not public (nor are all the classes it is nested in)
      NeedsArgs    | public final class NeedsArgs implements Codec<Money> { public NeedsArgs(int x) {} | has no public no-argument constructor
      HiddenCtor   | public final class HiddenCtor implements Codec<Money> { private HiddenCtor() {}   | has no public no-argument constructor
      Unrelated    | public final class Unrelated                                           | does not implement dev.vela.codec.Codec
      Partial      | public abstract class Partial implements Codec<Money>                 | is abstract
      AnyType      | public final class AnyType<T> implements Codec<T>                     | has type parameters, so its encoded type is not fixed
      NotAClass    | public interface NotAClass extends Codec<Money>                        | is not a class
      WrongType    | public final class WrongType implements Codec<String>                 | encodes java.lang.String, not com.acme.Money
      """)
  void reportsAnUnusableCodecOnTheType(String codecName, String declaration, String reason) {
    JavaFileObject money = type("Money", "import dev.vela.annotation.VelaCodec;",
        "@VelaCodec(" + codecName + ".class)", "public record Money(long cents) {}");
    JavaFileObject codec = declaration.contains("{")
        ? member(codecName, declaration + " }")
        : member(codecName, declaration + " {}");

    Planning planning = Planning.compile(money, codec, cache("Monies", "String", "Money"));

    assertThat(planning.compilation())
        .hadErrorContaining(Message.BAD_USER_CODEC.format("com.acme." + codecName, reason))
        .inFile(money)
        .onLineContaining("@VelaCodec(" + codecName + ".class)");
    assertThat(planning.value("Monies")).isEqualTo(new CodecPlan.Unsupported(
        "com.acme.Money (its @VelaCodec names com.acme." + codecName + ", which cannot be used)"));
  }

  @Test
  void reportsAProblemOnceHoweverManyCachesMeetIt() {
    JavaFileObject money = type("Money", "import dev.vela.annotation.VelaCodec;",
        "@VelaCodec(Unrelated.class)", "public record Money(long cents) {}");

    Planning planning = Planning.compile(money, member("Unrelated", "public final class Unrelated {}"),
        cache("Monies", "Money", "Money"), cache("MoneyLists", "String", "List<Money>"));

    assertThat(planning.compilation()).hadErrorCount(1);
    assertThat(planning.value("MoneyLists")).isInstanceOf(CodecPlan.Unsupported.class);
  }

  @Test
  void reportsAnInnerClassCodec() {
    JavaFileObject holder = type("Holder", "import dev.vela.codec.*;", "public final class Holder {",
        "  public final class Inner implements Codec<java.net.URL> {",
        "    public void encode(java.net.URL value, CodecOutput out) {}",
        "    public java.net.URL decode(CodecInput in) { return null; }",
        "    public String shape() { return \"url\"; }",
        "  }",
        "}");
    JavaFileObject cache = cache("Urls", "String", "URL", "@VelaCodec(Holder.Inner.class)");

    Planning planning = Planning.compile(holder, cache);

    assertThat(planning.compilation())
        .hadErrorContaining(Message.BAD_USER_CODEC.format("com.acme.Holder.Inner",
            "is an inner class, which needs an instance of its outer class; make it static"))
        .inFile(cache)
        .onLineContaining("@VelaCodec(Holder.Inner.class)");
    assertThat(planning.value("Urls")).isEqualTo(new CodecPlan.Unsupported("java.net.URL"));
  }

  // Repeated annotations reach the processor inside a container the compiler makes up, and javac 17
  // cannot map a mirror inside it back to source, so such problems point at the annotated type.
  @Test
  void reportsTwoCodecsForOneTypeOnTheInterface() {
    JavaFileObject cache = cache("Urls", "String", "URL",
        "@VelaCodec(UrlCodec.class)",
        "@VelaCodec(OtherUrlCodec.class)");

    Planning planning = Planning.compile(URL_CODEC, OTHER_URL_CODEC, cache);

    assertThat(planning.compilation())
        .hadErrorContaining(Message.CONFLICTING_USER_CODECS.format(
            "java.net.URL", "com.acme.UrlCodec", "com.acme.OtherUrlCodec"))
        .inFile(cache)
        .onLineContaining("interface Urls");
    assertThat(planning.compilation().errors()).hasSize(1);
  }

  @Test
  void reportsAnInterfaceCodecThatDisagreesWithTheTypesOwn() {
    JavaFileObject money = type("Money", "import dev.vela.annotation.VelaCodec;",
        "@VelaCodec(MoneyCodec.class)", "public record Money(long cents) {}");
    JavaFileObject cache = cache("Monies", "String", "Money", "@VelaCodec(CentsCodec.class)");

    Planning planning = Planning.compile(money, cache,
        codec("MoneyCodec", "public final class MoneyCodec", "Money"),
        codec("CentsCodec", "public final class CentsCodec", "Money"));

    assertThat(planning.compilation())
        .hadErrorContaining(Message.CONFLICTING_USER_CODECS.format(
            "com.acme.Money", "com.acme.MoneyCodec", "com.acme.CentsCodec"))
        .inFile(cache)
        .onLineContaining("@VelaCodec(CentsCodec.class)");
  }

  @Test
  void reportsTwoCodecsOnTheTypeItself() {
    JavaFileObject money = type("Money", "import dev.vela.annotation.VelaCodec;",
        "@VelaCodec(MoneyCodec.class)",
        "@VelaCodec(CentsCodec.class)",
        "public record Money(long cents) {}");

    Planning planning = Planning.compile(money, cache("Monies", "String", "Money"),
        codec("MoneyCodec", "public final class MoneyCodec", "Money"),
        codec("CentsCodec", "public final class CentsCodec", "Money"));

    assertThat(planning.compilation())
        .hadErrorContaining(Message.CONFLICTING_USER_CODECS.format(
            "com.acme.Money", "com.acme.MoneyCodec", "com.acme.CentsCodec"))
        .inFile(money)
        .onLineContaining("record Money");
  }

  @Test
  void reportsARecordTwoCachesWouldEncodeDifferently() {
    JavaFileObject site = type("Site", "import java.net.URL;", "public record Site(String name, URL home) {}");
    JavaFileObject first = cache("FirstSites", "String", "Site", "@VelaCodec(UrlCodec.class)");
    JavaFileObject second = cache("SecondSites", "String", "Site", "@VelaCodec(OtherUrlCodec.class)");

    Planning planning = Planning.compile(site, URL_CODEC, OTHER_URL_CODEC, first, second);

    assertThat(planning.compilation())
        .hadErrorContaining(Message.CODEC_DIFFERS_BETWEEN_CACHES.format(
            "com.acme.Site", "com.acme.SecondSites", "home", "com.acme.FirstSites"))
        .inFile(second)
        .onLineContaining("interface SecondSites");
    assertThat(planning.compilation().errors()).hasSize(1);
    assertThat(SupportedPlanTest.expression(planning.value("SecondSites"))).isEqualTo("new com.acme.VelaCodec_Site()");
  }

  @Test
  void acceptsTheSameCodecNamedTwice() {
    JavaFileObject money = type("Money", "import dev.vela.annotation.VelaCodec;",
        "@VelaCodec(MoneyCodec.class)", "public record Money(long cents) {}");
    JavaFileObject cache = cache("Monies", "String", "Money", "@VelaCodec(MoneyCodec.class)");

    Planning planning = Planning.compile(money, cache, codec("MoneyCodec", "public final class MoneyCodec", "Money"));

    assertThat(planning.compilation()).succeededWithoutWarnings();
    assertThat(SupportedPlanTest.expression(planning.value("Monies"))).isEqualTo("new com.acme.MoneyCodec()");
  }

  /** A complete codec of {@code encoded} declared by {@code header}. */
  private static JavaFileObject codec(String name, String header, String encoded) {
    return member(name, header + " implements Codec<" + encoded + "> {",
        "  public void encode(" + encoded + " value, CodecOutput out) {}",
        "  public " + encoded + " decode(CodecInput in) { return null; }",
        "  public String shape() { return \"" + name + "\"; }",
        "}");
  }

  /** A class in com.acme that sees dev.vela.codec, declared by {@code lines}. */
  private static JavaFileObject member(String name, String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] = "import dev.vela.codec.*;";
    System.arraycopy(lines, 0, all, 1, lines.length);
    return type(name, all);
  }
}
