package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import java.util.Objects;

/** The names of generated classes, decided in this one place. */
public final class GeneratedNames {
  private GeneratedNames() {}

  /**
   * The class generated for a cache interface: {@code Vela} and the simple name, in the same
   * package; a nested {@code Outer.Inner} gives {@code VelaOuter_Inner}.
   */
  public static ClassName cacheClass(ClassName cacheInterface) {
    Objects.requireNonNull(cacheInterface, "cacheInterface");
    return ClassName.get(cacheInterface.packageName(), "Vela" + String.join("_", cacheInterface.simpleNames()));
  }
}
