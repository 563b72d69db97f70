package dev.vela.processor.codec;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Small source files for codec planning tests, in package {@code com.acme} unless a name says otherwise. */
final class CodecSources {
  private CodecSources() {}

  /** A source file of the class {@code qualifiedName}, one string per line. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A type in {@code com.acme}, declared by {@code declaration} ({@code "public record User(String name) {}"}). */
  static JavaFileObject type(String simpleName, String... declaration) {
    List<String> lines = new ArrayList<>();
    lines.add("package com.acme;");
    lines.add("");
    lines.addAll(List.of(declaration));
    return source("com.acme." + simpleName, lines.toArray(String[]::new));
  }

  /**
   * A cache interface {@code com.acme.<name>} extending {@code Cache<key, value>}, with {@code
   * annotations} (such as {@code @VelaCodec(UrlCodec.class)}) written above {@code @VelaCache},
   * one per line. The types may use the imports of java.util, java.math, java.time and java.net.
   */
  static JavaFileObject cache(String name, String key, String value, String... annotations) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.acme;",
        "",
        "import dev.vela.Cache;",
        "import dev.vela.annotation.VelaCache;",
        "import dev.vela.annotation.VelaCodec;",
        "import java.math.*;",
        "import java.net.*;",
        "import java.time.*;",
        "import java.util.*;",
        ""));
    lines.addAll(List.of(annotations));
    lines.add("@VelaCache");
    lines.add("public interface " + name + " extends Cache<" + key + ", " + value + "> {}");
    return source("com.acme." + name, lines.toArray(String[]::new));
  }


  /** A file from the test resources, such as {@code codec/stub/Codecs.java}, under the class name it declares. */
  static JavaFileObject resource(String path, String qualifiedName) {
    try (var in = CodecSources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return JavaFileObjects.forSourceString(qualifiedName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
