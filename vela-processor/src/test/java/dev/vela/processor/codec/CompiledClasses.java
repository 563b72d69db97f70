package dev.vela.processor.codec;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** The class files of a successful compilation, to load them or to put them on another one's class path. */
final class CompiledClasses {
  private static final String OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> byBinaryName;

  private CompiledClasses(Map<String, byte[]> byBinaryName) {
    this.byBinaryName = byBinaryName;
  }

  /** The classes {@code compilation} wrote. */
  static CompiledClasses of(Compilation compilation) {
    Map<String, byte[]> classes = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().startsWith(OUTPUT)) {
        String path = file.getName().substring(OUTPUT.length());
        try (InputStream in = file.openInputStream()) {
          classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new CompiledClasses(classes);
  }

  /** Writes the class files under {@code directory}, laid out by package. */
  void writeTo(Path directory) throws IOException {
    for (Map.Entry<String, byte[]> entry : byBinaryName.entrySet()) {
      Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
  }

  /**
   * A fresh class loader that defines these classes itself, before asking the test's loader, so
   * that they win over classes of the same name there (the stand-in {@code Codecs}).
   */
  ClassLoader newLoader() {
    return new ClassLoader("compiled", CompiledClasses.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          byte[] bytes = byBinaryName.get(name);
          if (bytes == null) {
            return super.loadClass(name, resolve);
          }
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
        }
      }
    };
  }
}
