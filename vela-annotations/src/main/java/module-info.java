/**
 * The annotations a cache interface is declared with: {@code @VelaCache}, {@code @Option},
 * {@code @VelaCodec} and the option enums. No dependencies; read by the annotation processor at
 * compile time and by {@code dev.vela} at run time.
 */
module dev.vela.annotation {
  exports dev.vela.annotation;
}
