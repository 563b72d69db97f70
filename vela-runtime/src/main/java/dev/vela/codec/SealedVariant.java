package dev.vela.codec;

import java.util.Objects;

/**
 * One permitted subtype of a sealed type, as {@link Codecs#sealed} writes it: the stable tag that
 * names it in the bytes, the subtype (to recognise its values) and its codec.
 *
 * @param tag the name written before the value; keep it when the subtype moves or is reordered
 * @param type the subtype
 * @param codec the subtype's codec
 * @param <S> the subtype
 */
public record SealedVariant<S>(String tag, Class<S> type, Codec<S> codec) {
  /** Checks that the tag is not blank and nothing is null. */
  public SealedVariant {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(codec, () -> "codec of variant " + tag);
    if (tag.isBlank()) {
      throw new IllegalArgumentException("the tag of variant " + type.getName() + " must not be blank");
    }
  }
}
