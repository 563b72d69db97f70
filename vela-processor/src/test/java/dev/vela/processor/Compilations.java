package dev.vela.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;

/** Runs javac with the Vela processor, as a user's build would. */
final class Compilations {
  private Compilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new VelaProcessor()).compile(sources);
  }
}
