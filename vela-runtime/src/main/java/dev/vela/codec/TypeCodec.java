package dev.vela.codec;

import dev.vela.VelaException;
import java.util.Objects;
import java.util.Optional;

/**
 * The codec of a cache's key or value type as the annotation processor found it: a codec, or the
 * reason there is none (which part of the type is not supported). A memory-only cache can run
 * without a codec until something needs bytes, such as {@code dump}.
 *
 * @param typeName the type, as written in the source ({@code com.acme.User})
 * @param codec the codec, or null when there is none
 * @param missingReason why there is no codec ({@code User.address: java.net.URL}), or null
 */
public record TypeCodec<T>(String typeName, Codec<T> codec, String missingReason) {
  /** Checks that exactly one of codec and reason is given. */
  public TypeCodec {
    Objects.requireNonNull(typeName, "typeName");
    if ((codec == null) == (missingReason == null)) {
      throw new IllegalArgumentException("give either a codec or the reason there is none");
    }
  }

  /** A type with a codec. */
  public static <T> TypeCodec<T> of(String typeName, Codec<T> codec) {
    return new TypeCodec<>(typeName, Objects.requireNonNull(codec, "codec"), null);
  }

  /** A type without a codec, for {@code reason}. */
  public static <T> TypeCodec<T> missing(String typeName, String reason) {
    return new TypeCodec<>(typeName, null, reason);
  }

  /** The codec, if there is one. */
  public Optional<Codec<T>> find() {
    return Optional.ofNullable(codec);
  }

  /**
   * The codec, for {@code purpose} ("dump", "the DISK backend").
   *
   * @throws VelaException naming the type and the unsupported part when there is no codec
   */
  public Codec<T> require(String purpose) {
    if (codec == null) {
      throw new VelaException(
          purpose + " needs bytes, but " + typeName + " has no codec (" + missingReason + "); annotate the type"
              + " with @VelaCodec naming a dev.vela.codec.Codec implementation, or use supported types");
    }
    return codec;
  }
}
