package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.vela.processor.codec.GeneratedAnnotation;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Writes one source file per input. Subclasses give the type; this base adds what every generated
 * file carries, {@code @Generated} (where the file's module can read it) and the originating element (one per file, which keeps the
 * processor isolating for incremental builds), so no writer repeats it.
 *
 * @param <T> what a file is written from
 */
public abstract class SourceFileGenerator<T> {
  /** The name {@code @Generated} gives as the generator. */
  static final String GENERATOR = "dev.vela.processor.VelaProcessor";

  private final Filer filer;
  private final Elements elements;

  /** A generator writing through {@code filer}, looking up {@code @Generated} in {@code elements}. */
  protected SourceFileGenerator(Filer filer, Elements elements) {
    this.filer = Objects.requireNonNull(filer, "filer");
    this.elements = Objects.requireNonNull(elements, "elements");
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
    Element origin = originatingElement(input);
    TypeSpec.Builder type = write(input).addOriginatingElement(origin);
    GeneratedAnnotation.of(elements, origin, GENERATOR).ifPresent(type::addAnnotation);
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** The name of the class written for {@code input}. */
  protected abstract ClassName className(T input);

  /** The element the file is generated from; a change to it regenerates the file. */
  protected abstract Element originatingElement(T input);

  /** The class written for {@code input}, without {@code @Generated}. */
  protected abstract TypeSpec.Builder write(T input);
}
