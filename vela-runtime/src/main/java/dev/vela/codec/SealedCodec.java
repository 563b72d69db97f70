package dev.vela.codec;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A value of a sealed type: the tag of its subtype as a string, then the value by the subtype's
 * codec. Tags are names, so adding a subtype or reordering them keeps old bytes readable; an
 * unknown tag is a decode error. The shape lists the variants sorted by tag, so declaration order
 * does not change it.
 */
final class SealedCodec<T> implements Codec<T> {
  private final String typeName;
  private final SealedVariant<? extends T>[] variants;
  private final byte[][] encodedTags;
  private final Map<String, SealedVariant<? extends T>> byTag;
  private String shape;

  @SuppressWarnings("unchecked") // the array holds only the variants of the list, never handed out
  SealedCodec(String typeName, List<SealedVariant<? extends T>> variants) {
    this.typeName = typeName;
    this.variants = (SealedVariant<? extends T>[]) variants.toArray(new SealedVariant<?>[0]);
    this.encodedTags = new byte[this.variants.length][];
    this.byTag = new HashMap<>(Elements.hashCapacity(this.variants.length));
    for (int i = 0; i < this.variants.length; i++) {
      SealedVariant<? extends T> variant = this.variants[i];
      if (byTag.put(variant.tag(), variant) != null) {
        throw new IllegalArgumentException("sealed type " + typeName + " has two variants tagged \"" + variant.tag() + "\"");
      }
      CodecOutput out = new CodecOutput(variant.tag().length() + 5);
      out.writeString(variant.tag());
      encodedTags[i] = out.toByteArray();
    }
  }

  @Override
  public void encode(T value, CodecOutput out) {
    for (int i = 0; i < variants.length; i++) {
      if (variants[i].type().isInstance(value)) {
        out.writeRaw(encodedTags[i], 0, encodedTags[i].length);
        encodeAs(variants[i], value, out);
        return;
      }
    }
    throw new IllegalArgumentException(
        "a " + value.getClass().getName() + " is none of the variants of sealed type " + typeName + " this codec was given");
  }

  private static <S> void encodeAs(SealedVariant<S> variant, Object value, CodecOutput out) {
    variant.codec().encode(variant.type().cast(value), out);
  }

  @Override
  public T decode(CodecInput in) {
    in.enter();
    String tag = in.readString();
    SealedVariant<? extends T> variant = byTag.get(tag);
    if (variant == null) {
      throw new CodecException("sealed type " + typeName + " has no variant tagged \""
          + (tag.length() <= 80 ? tag : tag.substring(0, 80) + "...") + "\"; it was renamed or removed after the value was written");
    }
    T value = variant.codec().decode(in);
    in.exit();
    return value;
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as variant codecs may be lazy; a racing second computation is harmless
      known = byTag.values().stream()
          .sorted(Comparator.comparing(SealedVariant::tag))
          .map(variant -> variant.tag() + "=" + variant.codec().shape())
          .collect(Collectors.joining(",", "sealed " + typeName + "{", "}"));
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
