package dev.vela.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vela-runtime on the module path: an application module that requires {@code dev.vela} declares a
 * cache, the processor generates it, javac compiles it with only the exported packages readable, and
 * it runs in a JVM of its own started with {@code --module-path}.
 */
class ModulePathTest {
  private static final String MODULE = "com.example.shop";

  private static String modulePath;

  @BeforeAll
  static void findTheModules() {
    List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    modulePath = Stream.of("vela-runtime", "vela-annotations", "slf4j-api")
        .map(name -> entries.stream().filter(entry -> entry.contains(name)).findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not on the test class path: " + entries)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void aGeneratedCacheCompilesAndRunsInANamedModule(@TempDir Path dir) throws Exception {
    Path sources = dir.resolve("src");
    write(sources, "module-info.java", "module " + MODULE + " { requires dev.vela; }");
    write(sources, "com/example/shop/Item.java",
        "package com.example.shop;\npublic record Item(String name, int stock) {}");
    write(sources, "com/example/shop/ItemCache.java", String.join("\n",
        "package com.example.shop;",
        "import dev.vela.Cache;",
        "import dev.vela.annotation.VelaCache;",
        "@VelaCache(name = \"items\", maxSize = 100)",
        "public interface ItemCache extends Cache<String, Item> {}"));
    write(sources, "com/example/shop/Main.java", String.join("\n",
        "package com.example.shop;",
        "import dev.vela.Expiry;",
        "public final class Main {",
        "  public static void main(String[] args) throws Exception {",
        "    try (ItemCache items = VelaItemCache.builder().defaultTtl(Expiry.NEVER).create()) {",
        "      items.put(\"kettle\", new Item(\"kettle\", 3));",
        "      System.out.println(\"read \" + items.get(\"kettle\").orElseThrow());",
        "    }",
        "    try {",
        "      Class.forName(\"dev.vela.config.Durations\").getField(\"INFINITE\").get(null);",
        "      System.out.println(\"internal package readable\");",
        "    } catch (IllegalAccessException expected) {",
        "      System.out.println(\"internal package closed\");",
        "    }",
        "  }",
        "}"));
    Path classes = dir.resolve("classes");

    String diagnostics = compile(sources, classes);

    assertThat(diagnostics).doesNotContain("error");
    assertThat(classes.resolve("com/example/shop/VelaItemCache.class")).exists();
    assertThat(classes.resolve("com/example/shop/VelaCodec_Item.class")).exists();

    Process run = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", classes + File.pathSeparator + modulePath,
        "--module", MODULE + "/com.example.shop.Main")
        .redirectErrorStream(true)
        .start();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the module's JVM ended within 60 s").isTrue();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("read Item[name=kettle, stock=3]", "internal package closed");
  }

  @Test
  void anApplicationModuleCannotCompileAgainstAnInternalPackage(@TempDir Path dir) throws Exception {
    Path sources = dir.resolve("src");
    write(sources, "module-info.java", "module " + MODULE + " { requires dev.vela; }");
    write(sources, "com/example/shop/Internal.java", String.join("\n",
        "package com.example.shop;",
        "final class Internal {",
        "  Object durations = dev.vela.config.Durations.INFINITE;",
        "}"));

    String diagnostics = compile(sources, dir.resolve("classes"));

    assertThat(diagnostics).contains("package dev.vela.config is not visible", "which does not export it");
  }

  /** Compiles every source under {@code sources} with the processor; returns javac's messages. */
  private static String compile(Path sources, Path classes) throws IOException {
    List<String> arguments = new ArrayList<>(List.of(
        "--module-path", modulePath,
        "--class-path", Files.createDirectories(classes.resolveSibling("no-class-path")).toString(), // never javac's default
        "-processorpath", System.getProperty("java.class.path"),
        "-d", classes.toString()));
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(path -> path.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    javac.run(null, messages, messages, arguments.toArray(String[]::new));
    return messages.toString(StandardCharsets.UTF_8);
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
