package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.vela.annotation.VelaCache;
import dev.vela.processor.model.CacheModel;
import dev.vela.registry.DeclaredCache;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.vela.registry.DeclaredCache}: one line per cache generated in
 * this compilation, naming its {@code Vela<Name>$Declaration}, sorted, so that the same sources
 * always give the same bytes. Written once, when the last round is over, because a resource cannot
 * be opened twice in one compilation.
 *
 * <p><b>Partial builds.</b> A build that compiles only some of a module's sources into an output
 * that already holds the rest (an IDE recompiling changed files) finds the list of the earlier build
 * there. Its lines are kept when their cache still exists: the generated class is on the class path
 * and implements an interface that is still annotated with {@code @VelaCache}. Lines of deleted or
 * renamed caches go. A clean build has no earlier list, so its output depends on its sources only.
 *
 * <p><b>Incremental builds.</b> One list names many caches, so it has many originating elements;
 * Gradle's isolating mode allows exactly one per file. The processor therefore tells Gradle it is
 * aggregating while it writes this list (Gradle then hands it every annotated interface again on
 * each incremental build, and the list is always whole), and isolating when the list is turned off
 * with {@code -Avela.declaredCaches=false}. AutoService instead merges with the list of an earlier
 * build, which keeps entries of deleted classes; and Dagger's Hilt writes one class per element into
 * a package that one aggregating step reads later. Here the list is small and cheap to write whole,
 * so a whole list per compilation is the simplest choice that is never stale.
 */
public final class DeclarationList {
  /** Where the list is written, in the class output. */
  public static final String PATH = "META-INF/services/" + DeclaredCache.class.getName();

  // by binary name, so the file is sorted and each cache is listed once
  private final Map<String, Element> entries = new TreeMap<>();

  /** Lists the declaration of {@code model}, whose class has been written. */
  public void add(CacheModel model) {
    Objects.requireNonNull(model, "model");
    ClassName generated = GeneratedNames.cacheClass(model.interfaceName());
    entries.put(GeneratedNames.declarationBinaryName(generated), model.element());
  }

  /** Whether nothing was listed. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The file's text: one binary name a line. */
  public String contents() {
    StringBuilder text = new StringBuilder();
    entries.keySet().forEach(name -> text.append(name).append('\n'));
    return text.toString();
  }

  /**
   * Writes the list through {@code filer}, each listed interface an originating element, keeping the
   * lines of an earlier build's list whose caches {@code elements} still finds.
   */
  public void write(Filer filer, Elements elements) throws IOException {
    for (String earlier : earlierList(filer)) {
      if (!entries.containsKey(earlier)) {
        stillDeclared(earlier, elements).ifPresent(cacheInterface -> entries.put(earlier, cacheInterface));
      }
    }
    FileObject file = filer.createResource(
        StandardLocation.CLASS_OUTPUT, "", PATH, entries.values().toArray(new Element[0]));
    try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      writer.write(contents());
    }
  }

  private static List<String> earlierList(Filer filer) {
    try {
      FileObject earlier = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      return earlier.getCharContent(true).toString().lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException | IllegalArgumentException e) {
      // no earlier list: a clean build
      return List.of();
    }
  }

  /** The interface behind a listed declaration, if its generated class and the annotated interface still exist. */
  private static Optional<TypeElement> stillDeclared(String declarationBinaryName, Elements elements) {
    int nested = declarationBinaryName.lastIndexOf('$');
    if (nested < 0 || !declarationBinaryName.substring(nested + 1).equals(GeneratedNames.DECLARATION)) {
      return Optional.empty();
    }
    TypeElement generated = elements.getTypeElement(declarationBinaryName.substring(0, nested));
    if (generated == null) {
      return Optional.empty();
    }
    return generated.getInterfaces().stream()
        .map(type -> type instanceof DeclaredType declared ? declared.asElement() : null)
        .filter(element -> element instanceof TypeElement
            && element.getKind() == ElementKind.INTERFACE
            && element.getAnnotation(VelaCache.class) != null)
        .map(TypeElement.class::cast)
        .findFirst();
  }
}
