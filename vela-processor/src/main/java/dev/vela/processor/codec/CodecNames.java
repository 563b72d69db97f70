package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;

/** The one place that names what codec generation writes. */
final class CodecNames {
  private static final String PREFIX = "VelaCodec_";

  private CodecNames() {}

  /**
   * The generated codec class of a record or sealed interface: {@code VelaCodec_} and its simple
   * names joined by {@code _}, in its package ({@code com.acme.Outer.Rec} gives {@code
   * com.acme.VelaCodec_Outer_Rec}).
   */
  static ClassName codecClass(ClassName type) {
    return ClassName.get(type.packageName(), PREFIX + String.join("_", type.simpleNames()));
  }

  /**
   * The tag a sealed codec writes for a permitted subtype: its binary name without the package
   * ({@code Shape$Circle} for {@code com.acme.Shape.Circle}), stable as long as the type keeps
   * its name and place.
   */
  static String tag(ClassName subtype) {
    return String.join("$", subtype.simpleNames());
  }

  /** The type as a short readable name without its package: {@code Outer.Rec}. */
  static String shortName(ClassName type) {
    return String.join(".", type.simpleNames());
  }
}
