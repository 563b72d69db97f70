package dev.vela.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Small source files for processor tests. */
final class Sources {
  private Sources() {}

  /** A file {@code com/acme/<simpleName>.java} in package com.acme, importing Cache and the annotations. */
  static JavaFileObject acme(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package com.acme;",
        "",
        "import dev.vela.Cache;",
        "import dev.vela.annotation.*;",
        ""));
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines("com.acme." + simpleName, all);
  }

  /** An interface {@code com.acme.<name> extends Cache<String, String>} under the given annotation lines. */
  static JavaFileObject cache(String name, String... annotationLines) {
    List<String> lines = new ArrayList<>(Arrays.asList(annotationLines));
    lines.add("public interface " + name + " extends Cache<String, String> {}");
    return acme(name, lines.toArray(String[]::new));
  }
}
