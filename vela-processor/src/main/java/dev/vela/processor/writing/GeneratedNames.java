package dev.vela.processor.writing;

import com.palantir.javapoet.ClassName;
import java.util.Objects;

/** The names of generated classes, decided in this one place. */
public final class GeneratedNames {
  /**
   * The simple name of the {@code DeclaredCache} nested in each generated cache class, listed in
   * {@code META-INF/services} as {@code Vela<Name>$Declaration}.
   */
  public static final String DECLARATION = "Declaration";

  private GeneratedNames() {}

  /**
   * The class generated for a cache interface: {@code Vela} and the simple name, in the same
   * package; a nested {@code Outer.Inner} gives {@code VelaOuter_Inner}.
   */
  public static ClassName cacheClass(ClassName cacheInterface) {
    Objects.requireNonNull(cacheInterface, "cacheInterface");
    return ClassName.get(cacheInterface.packageName(), "Vela" + String.join("_", cacheInterface.simpleNames()));
  }

  /** The binary name of the declaration nested in {@code generatedCache}, as a service list names it. */
  public static String declarationBinaryName(ClassName generatedCache) {
    Objects.requireNonNull(generatedCache, "generatedCache");
    return generatedCache.nestedClass(DECLARATION).reflectionName();
  }
}
