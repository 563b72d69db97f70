package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.model.CacheModel;
import dev.vela.registry.DeclaredCache;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.vela.registry.DeclaredCache}: one line per cache generated in
 * this compilation, naming its {@code Vela<Name>$Declaration}, sorted, so that the same sources
 * always give the same bytes. Written once, when the last round is over, because a resource cannot
 * be opened twice in one compilation.
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

  /** Writes the list through {@code filer}, each listed interface an originating element. */
  public void write(Filer filer) throws IOException {
    FileObject file = filer.createResource(
        StandardLocation.CLASS_OUTPUT, "", PATH, entries.values().toArray(new Element[0]));
    try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      writer.write(contents());
    }
  }
}
