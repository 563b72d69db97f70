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

/** The path of an unsupported plan names the first part without a codec, readably. */
class UnsupportedPathTest {
  /** Value type of each cache, by the cache's name: {@code Cache<String, <type>>}. */
  private static final String[][] VALUE_TYPES = {
      {"Objects", "Object"}, {"Urls", "URL"}, {"UrlLists", "List<URL>"}, {"Users", "User"},
      {"Orders", "Order"}, {"OpenMaps", "Map<String, ?>"}, {"IntArrays", "List<int[]>"},
      {"Boxes", "Box<String>"}, {"RawHolders", "RawHolder"}, {"Drawings", "Drawing"},
      {"Animals", "Animal"}, {"Holders", "Holder"}, {"ArrayLists", "ArrayList<String>"},
      {"Bags", "Bag"}, {"Wrappers", "Wrapper"}, {"Results", "Result<String>"}, {"Bounded", "List<? extends Number>"},
  };

  private static Planning planning;

  @BeforeAll
  static void compileOneCachePerType() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(
        type("User", "import java.net.URL;", "public record User(String name, URL address) {}"),
        type("Order", "import java.util.List;", "public record Order(long id, List<Line> lines) {}"),
        type("Line", "import java.awt.Point;", "public record Line(String sku, Point price) {}"),
        type("Box", "public record Box<T>(T value) {}"),
        type("RawHolder", "import java.util.List;", "@SuppressWarnings(\"rawtypes\")",
            "public record RawHolder(List items) {}"),
        type("Drawing", "public record Drawing(Shape shape) {}"),
        type("Shape", "public sealed interface Shape permits Circle, Blob {}"),
        type("Circle", "public record Circle(double radius) implements Shape {}"),
        type("Blob", "public final class Blob implements Shape {}"),
        type("Animal", "public interface Animal {}"),
        type("Holder", "public record Holder(Secret secret) {", "  private record Secret(int code) {}", "}"),
        type("Bag", "import java.util.Collection;", "public record Bag(Collection<String> items) {}"),
        type("Wrapper", "import java.util.Optional;", "public record Wrapper(Optional<Inner> inner) {}"),
        type("Inner", "import java.util.*;", "public record Inner(Map<String, List<?>> tags) {}"),
        type("Result", "public sealed interface Result<T> permits Ok {}"),
        type("Ok", "public record Ok(int code) implements Result<String> {}")));
    for (String[] cache : VALUE_TYPES) {
      sources.add(cache(cache[0], "String", cache[1]));
    }
    planning = Planning.compile(sources.toArray(JavaFileObject[]::new));
  }

  @Test
  void compiles() {
    assertThat(planning.compilation()).succeeded();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Objects    | java.lang.Object
      Urls       | java.net.URL
      UrlLists   | java.net.URL
      Users      | User.address: java.net.URL
      Orders     | Order.lines: List<Line> -> Line.price: java.awt.Point
      OpenMaps   | Map<String, ?>
      IntArrays  | int[]
      Boxes      | Box<String> (a generic record; write a @VelaCodec for it)
      RawHolders | RawHolder.items: List (a raw type)
      Drawings   | Drawing.shape: Shape -> com.acme.Blob
      Animals    | com.acme.Animal (an interface that is not sealed)
      Holders    | Holder.secret: com.acme.Holder.Secret (not accessible from generated code in package com.acme)
      ArrayLists | java.util.ArrayList
      Bags       | Bag.items: java.util.Collection (an interface that is not sealed)
      Wrappers   | Wrapper.inner: Optional<Inner> -> Inner.tags: Map<String, List<?>> -> List<?>
      Results    | Result<String> (a generic sealed interface; write a @VelaCodec for it)
      Bounded    | List<? extends Number>
      """)
  void namesTheFirstUnsupportedPart(String cache, String expectedPath) {
    assertThat(planning.value(cache)).isEqualTo(new CodecPlan.Unsupported(expectedPath));
  }

  @Test
  void generatesNothingForAPlanThatFails() {
    // Order's plan fails at Line.price, so neither record gets a codec class
    assertThat(planning.generatedSourceNames()).isEmpty();
  }
}
