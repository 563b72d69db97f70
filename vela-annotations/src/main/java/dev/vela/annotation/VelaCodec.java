package dev.vela.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a hand-written codec, a public class with a public no-argument constructor that implements
 * {@code dev.vela.codec.Codec<T>}. The processor reads {@code T} from the class and uses it
 * wherever a cache needs bytes of {@code T}, instead of generating one.
 *
 * <p>Put it on the type {@code T} itself when you own it, or on a {@code @VelaCache} interface for
 * a type you do not own ({@code java.net.URL}, say); there it applies to that cache's key and
 * value types and everything inside them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(VelaCodec.List.class)
public @interface VelaCodec {
  /** The codec class. */
  Class<?> value();

  /** Holds several {@code @VelaCodec} on one interface. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The codecs. */
    VelaCodec[] value();
  }
}
