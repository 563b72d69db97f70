package dev.vela.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;

/**
 * Writes one source file per input. Subclasses give the type; this base adds what every generated
 * file carries, {@code @Generated} and the originating element (one per file, which keeps the
 * processor isolating for incremental builds), so no writer repeats it.
 *
 * @param <T> what a file is written from
 */
public abstract class SourceFileGenerator<T> {
  /** The name {@code @Generated} gives as the generator. */
  static final String GENERATOR = "dev.vela.processor.VelaProcessor";

  private final Filer filer;

  /** A generator writing through {@code filer}. */
  protected SourceFileGenerator(Filer filer) {
    this.filer = Objects.requireNonNull(filer, "filer");
  }

  /**
   * Writes the file for {@code input}.
   *
   * @throws IOException when the file cannot be created, for example because it exists already
   */
  public final void generate(T input) throws IOException {
    javaFile(input).writeTo(filer);
  }

  /** The file for {@code input}, without writing it. */
  public final JavaFile javaFile(T input) {
    Objects.requireNonNull(input, "input");
    ClassName name = className(input);
    TypeSpec type = write(input)
        .addAnnotation(AnnotationSpec.builder(Generated.class).addMember("value", "$S", GENERATOR).build())
        .addOriginatingElement(originatingElement(input))
        .build();
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).build();
  }

  /** The name of the class written for {@code input}. */
  protected abstract ClassName className(T input);

  /** The element the file is generated from; a change to it regenerates the file. */
  protected abstract Element originatingElement(T input);

  /** The class written for {@code input}, without {@code @Generated}. */
  protected abstract TypeSpec.Builder write(T input);
}
