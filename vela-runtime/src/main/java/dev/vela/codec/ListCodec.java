package dev.vela.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link List}: the element count, then each element. Decodes to an unmodifiable list that keeps
 * the order and, when the element codec is nullable, the nulls.
 */
final class ListCodec<E> implements Codec<List<E>> {
  private final Codec<E> element;
  private String shape;

  ListCodec(Codec<E> element) {
    this.element = element;
  }

  @Override
  public void encode(List<E> value, CodecOutput out) {
    Elements.writeAll(element, value, out, this);
  }

  @Override
  public List<E> decode(CodecInput in) {
    in.enter();
    int count = Elements.readCount(in);
    List<E> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(element.decode(in));
    }
    in.exit();
    return Collections.unmodifiableList(list);
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as the element codec may be lazy; a racing second computation is harmless
      known = "list<" + element.shape() + ">";
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
