package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs compiled against the real runtime, with no stand-in: possible for codecs that
 * use no member of {@code Codecs}, such as records of primitives encoded by a hand-written codec
 * and a sealed interface of such records.
 */
class RuntimeCompileTest {

  @Test
  void compilesAndRunsCodecsThatNeedOnlyTheCodecInterfaces() throws Exception {
    JavaFileObject intCodec = type("IntCodec", "import dev.vela.codec.*;",
        "public final class IntCodec implements Codec<Integer> {",
        "  @Override public void encode(Integer value, CodecOutput out) { out.writeInt(value); }",
        "  @Override public Integer decode(CodecInput in) { return in.readInt(); }",
        "  @Override public String shape() { return \"int32\"; }",
        "}");
    JavaFileObject probe = type("FigureProbe", "import dev.vela.codec.Codec;",
        "import dev.vela.processor.codec.CodecProbe;", "import java.util.List;",
        "public final class FigureProbe implements CodecProbe<Figure> {",
        "  @Override public Codec<Figure> codec() { return new VelaCodec_Figure(); }",
        "  @Override public List<Figure> samples() {",
        "    return List.of(new Point(3, -4), new Origin(), new Point(Integer.MIN_VALUE, Integer.MAX_VALUE));",
        "  }",
        "}");

    Planning planning = Planning.compile(List.of("-Xlint:all,-processing", "-Werror"),
        intCodec, probe,
        type("Figure", "public sealed interface Figure permits Point, Origin {}"),
        type("Point", "public record Point(int x, int y) implements Figure {}"),
        type("Origin", "public record Origin() implements Figure {}"),
        cache("Figures", "Integer", "Figure", "@VelaCodec(IntCodec.class)"));

    assertThat(planning.compilation()).succeededWithoutWarnings();
    assertThat(planning.generatedSourceNames()).containsExactly(
        "/SOURCE_OUTPUT/com/acme/VelaCodec_Figure.java",
        "/SOURCE_OUTPUT/com/acme/VelaCodec_Origin.java",
        "/SOURCE_OUTPUT/com/acme/VelaCodec_Point.java");
    @SuppressWarnings("unchecked")
    CodecProbe<Object> figures = (CodecProbe<Object>) CompiledClasses.of(planning.compilation()).newLoader()
        .loadClass("com.acme.FigureProbe").getConstructor().newInstance();
    for (Object figure : figures.samples()) {
      CodecOutput out = new CodecOutput();
      figures.codec().encode(figure, out);
      CodecInput in = new CodecInput(out.toByteArray());
      assertThat(figures.codec().decode(in)).isEqualTo(figure);
      in.requireEnd();
    }
    assertThat(figures.codec().shape())
        .isEqualTo("sealed com.acme.Figure{Origin=record com.acme.Origin(),Point=record com.acme.Point(int32 x,int32 y)}");
  }
}
