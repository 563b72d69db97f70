package dev.vela.processor.codec;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.codec.CodecSources.cache;
import static dev.vela.processor.codec.CodecSources.type;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.vela.processor.VelaProcessor;
import dev.vela.processor.diagnostic.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Codec problems reported by the real processor: the problems of each cache, the last one of a round
 * included, are reported on the annotation value they are about, however many caches in the
 * compilation have some.
 */
class CodecProblemsThroughProcessorTest {

  @Test
  void reportsTheCodecProblemsOfEveryCacheInTheCompilation() {
    JavaFileObject unrelated = type("Unrelated", "public final class Unrelated {}");
    JavaFileObject partial = type("Partial", "public abstract class Partial implements dev.vela.codec.Codec<java.net.URL> {}");
    JavaFileObject monies = cache("Monies", "String", "UUID", "@VelaCodec(Unrelated.class)");
    JavaFileObject urls = cache("Urls", "String", "URL", "@VelaCodec(Partial.class)");

    Compilation compilation =
        Compiler.javac().withProcessors(new VelaProcessor()).compile(unrelated, partial, monies, urls);

    assertThat(compilation).hadErrorContaining(
            Message.BAD_USER_CODEC.format("com.acme.Unrelated", "does not implement dev.vela.codec.Codec"))
        .inFile(monies)
        .onLineContaining("@VelaCodec(Unrelated.class)");
    assertThat(compilation).hadErrorContaining(
            Message.BAD_USER_CODEC.format("com.acme.Partial", "is abstract"))
        .inFile(urls)
        .onLineContaining("@VelaCodec(Partial.class)");
  }
}
