package dev.vela.codec;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@link Set}: the element count, then each element in the set's iteration order. Decodes to an
 * unmodifiable set backed by a {@link LinkedHashSet}, so the order written is the order read and,
 * when the element codec is nullable, a null element survives. A repeated element is corrupt
 * input.
 */
final class SetCodec<E> implements Codec<Set<E>> {
  private final Codec<E> element;
  private String shape;

  SetCodec(Codec<E> element) {
    this.element = element;
  }

  @Override
  public void encode(Set<E> value, CodecOutput out) {
    Elements.writeAll(element, value, out, this);
  }

  @Override
  public Set<E> decode(CodecInput in) {
    in.enter();
    int count = Elements.readCount(in);
    Set<E> set = new LinkedHashSet<>(Elements.hashCapacity(count));
    for (int i = 0; i < count; i++) {
      if (!set.add(element.decode(in))) {
        throw new CodecException("a " + shape() + " holds element " + i + " twice");
      }
    }
    in.exit();
    return Collections.unmodifiableSet(set);
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as the element codec may be lazy; a racing second computation is harmless
      known = "set<" + element.shape() + ">";
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
