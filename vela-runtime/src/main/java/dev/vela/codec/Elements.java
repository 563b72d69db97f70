package dev.vela.codec;

import java.util.Collection;
import java.util.ConcurrentModificationException;

/**
 * Checks values on their way out (nulls where a codec cannot write them) and counts the elements
 * of collections and maps. Decoders check an element count against the bytes that remain at one
 * byte per element, so that a corrupt count cannot make them allocate more than the input holds;
 * in turn every element must encode to at least one byte, which all built-in codecs do and only a
 * record without components would not.
 */
final class Elements {
  private Elements() {}

  /** Reads an element count, at most the number of bytes that remain. */
  static int readCount(CodecInput in) {
    return in.readLength(1);
  }

  /**
   * Writes {@code element}, the {@code index}th part of a {@code container}, refusing a null the
   * codec cannot write and an encoding without bytes.
   */
  /** Writes the element count of {@code items}, then each element, as lists and sets do. */
  static <E> void writeAll(Codec<E> codec, Collection<E> items, CodecOutput out, Codec<?> container) {
    int size = items.size();
    out.writeLength(size);
    int index = 0;
    for (E item : items) {
      write(codec, item, out, container, index++);
    }
    checkWritten(size, index, container);
  }

  static <E> void write(Codec<E> codec, E element, CodecOutput out, Codec<?> container, int index) {
    if (element == null && !acceptsNull(codec)) {
      throw new NullPointerException(
          "element " + index + " of a " + container.shape() + " is null; declare the element type nullable, or leave nulls out");
    }
    int before = out.size();
    codec.encode(element, out);
    if (out.size() == before) {
      throw new IllegalArgumentException("element " + index + " of a " + container.shape()
          + " encodes to no bytes, so its count could not be checked when read; give the element type a component");
    }
  }

  /** Refuses a null top-level {@code value} that {@code codec} cannot write, with a message saying why. */
  static void requireWritable(Codec<?> codec, Object value) {
    if (value == null && !acceptsNull(codec)) {
      throw new NullPointerException("value is null, which " + codec.shape() + " cannot write; wrap the codec in Codecs.nullable");
    }
  }

  /** Whether {@code codec} may be given null: it is nullable, directly or through a lazy codec. */
  static boolean acceptsNull(Codec<?> codec) {
    return codec instanceof NullableCodec || codec instanceof LazyCodec<?> lazy && acceptsNull(lazy.resolve());
  }

  /**
   * Checks that a container held as many elements while it was written as its size promised; a
   * concurrent map changed in between would otherwise leave bytes that decode to something else.
   */
  static void checkWritten(int promised, int written, Codec<?> container) {
    if (promised != written) {
      throw new ConcurrentModificationException("a " + container.shape() + " of size " + promised
          + " yielded " + written + " elements while it was encoded; do not change it during a cache write");
    }
  }

  /** The initial capacity of a hash set or map that will hold {@code count} entries without growing. */
  static int hashCapacity(int count) {
    return (int) Math.min(Integer.MAX_VALUE, count * 4L / 3 + 1);
  }
}
