package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.vela.Cache;
import dev.vela.processor.writing.DeclarationList;
import dev.vela.registry.DeclaredCache;
import dev.vela.registry.DeclaredCaches;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of declared caches the processor writes, and what {@link DeclaredCaches} makes of it
 * once the compiled classes are loaded.
 */
class DeclaredCachesTest {
  private static final String OUTPUT = "/CLASS_OUTPUT/";

  @Test
  void everyCacheOfACompilationIsListedAndFoundByName(@TempDir Path classes) throws Exception {
    Compilation compilation = Compilations.compile(threeCaches());
    assertThat(compilation).succeededWithoutWarnings();

    try (URLClassLoader loader = load(compilation, classes)) {
      List<DeclaredCache<?, ?, ?>> all = DeclaredCaches.all(loader);
      assertThat(all).extracting(DeclaredCache::name).containsExactly("Inner", "ZetaCache", "alpha");
      DeclaredCache<?, ?, ?> inner = DeclaredCaches.find("Inner", loader).orElseThrow();
      assertThat(inner.cacheType().getName()).isEqualTo("com.acme.Outer$Inner");
      assertThat(inner.keyClass()).isEqualTo(Long.class);
      assertThat(inner.valueClass()).isEqualTo(List.class);
      assertThat(DeclaredCaches.find("absent", loader)).isEmpty();

      DeclaredCache<?, ?, ?> alpha = DeclaredCaches.find("alpha", loader).orElseThrow();
      try (Cache<?, ?> cache = alpha.create()) {
        assertThat(alpha.cacheType()).isInstanceOf(Class.class);
        assertThat(alpha.cacheType().isInstance(cache)).isTrue();
        assertThat(cache.name()).isEqualTo("alpha");
        putAndRead(cache);
      }
    }
  }

  @Test
  void aCacheWrittenInALaterRoundIsListedToo() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new VelaProcessor(), new DeferralTest.UserRecordWriter())
        .compile(DeferralTest.userCache());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "", DeclarationList.PATH)
        .contentsAsUtf8String().isEqualTo("com.acme.VelaUserCache$Declaration\n");
  }

  @Test
  void theListCanBeTurnedOffAndTheProcessorThenTellsGradleItIsIsolating() {
    VelaProcessor listing = new VelaProcessor();
    Compilation listed = Compiler.javac().withProcessors(listing).compile(threeCaches());
    VelaProcessor quiet = new VelaProcessor();
    Compilation unlisted = Compiler.javac()
        .withProcessors(quiet)
        .withOptions("-Avela.declaredCaches=false")
        .compile(threeCaches());

    assertThat(listed).generatedFile(StandardLocation.CLASS_OUTPUT, "", DeclarationList.PATH);
    assertThat(listing.getSupportedOptions())
        .isEqualTo(Set.of("vela.declaredCaches", "org.gradle.annotation.processing.aggregating"));
    assertThat(unlisted).succeededWithoutWarnings();
    assertThat(unlisted.generatedFiles()).extracting(JavaFileObject::getName)
        .noneMatch(name -> name.endsWith(DeclarationList.PATH));
    assertThat(unlisted).generatedSourceFile("com.acme.VelaAlphaCache");
    assertThat(quiet.getSupportedOptions())
        .isEqualTo(Set.of("vela.declaredCaches", "org.gradle.annotation.processing.isolating"));
  }

  @Test
  void aPartialBuildKeepsTheCachesOfTheEarlierBuildThatStillExist(@TempDir Path work) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/com/acme"));
    Path output = Files.createDirectories(work.resolve("classes"));
    for (String name : List.of("AlphaCache", "BetaCache", "GammaCache")) {
      Files.writeString(sources.resolve(name + ".java"), "package com.acme;\n\n"
          + "@dev.vela.annotation.VelaCache\n"
          + "public interface " + name + " extends dev.vela.Cache<String, String> {}\n");
    }
    javac(output, sources.resolve("AlphaCache.java"), sources.resolve("BetaCache.java"));
    assertThat(Files.readString(output.resolve(DeclarationList.PATH)))
        .isEqualTo("com.acme.VelaAlphaCache$Declaration\ncom.acme.VelaBetaCache$Declaration\n");

    // an IDE recompiles one changed file into the same output
    javac(output, sources.resolve("GammaCache.java"));
    assertThat(Files.readString(output.resolve(DeclarationList.PATH))).isEqualTo(
        "com.acme.VelaAlphaCache$Declaration\ncom.acme.VelaBetaCache$Declaration\ncom.acme.VelaGammaCache$Declaration\n");

    // AlphaCache is deleted, and with it what was compiled from it
    try (var compiled = Files.list(output.resolve("com/acme"))) {
      for (Path file : compiled.filter(f -> f.getFileName().toString().contains("AlphaCache")).toList()) {
        Files.delete(file);
      }
    }
    javac(output, sources.resolve("GammaCache.java"));
    assertThat(Files.readString(output.resolve(DeclarationList.PATH)))
        .isEqualTo("com.acme.VelaBetaCache$Declaration\ncom.acme.VelaGammaCache$Declaration\n");
  }

  /** Compiles {@code sources} into {@code output} with the processor, the output on the class path as an IDE has it. */
  private static void javac(Path output, Path... sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", output.toString(), "-implicit:none",
          "-classpath", output + File.pathSeparator + System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(sources));
      task.setProcessors(List.of(new VelaProcessor()));
      assertThat(task.call()).as("compiles: %s", diagnostics.getDiagnostics()).isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static void putAndRead(Cache<?, ?> cache) {
    Cache<String, String> strings = (Cache<String, String>) cache;
    strings.put("k", "v");
    assertThat(strings.get("k")).isEqualTo(Optional.of("v"));
  }

  /** Three caches: one renamed, one nested, in an order that is not the listed one. */
  static JavaFileObject[] threeCaches() {
    return new JavaFileObject[] {
        Sources.cache("ZetaCache", "@VelaCache"),
        Sources.cache("AlphaCache", "@VelaCache(name = \"alpha\")"),
        Sources.acme("Outer",
            "import java.util.List;",
            "",
            "public final class Outer {",
            "  private Outer() {}",
            "",
            "  @VelaCache",
            "  public interface Inner extends Cache<Long, List<String>> {}",
            "}")
    };
  }

  /** A loader of everything the compilation wrote to its class output, classes and resources. */
  private static URLClassLoader load(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().startsWith(OUTPUT)) {
        Path target = directory.resolve(file.getName().substring(OUTPUT.length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
    return new URLClassLoader(new URL[] {directory.toUri().toURL()}, DeclaredCachesTest.class.getClassLoader());
  }
}
