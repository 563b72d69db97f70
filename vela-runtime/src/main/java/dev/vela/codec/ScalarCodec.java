package dev.vela.codec;

/**
 * A codec of one value with no parts, such as an int or an instant, made of a writer and a reader.
 * A JDK factory that refuses what the reader read ({@code LocalDate.of} with day 31 of February,
 * say) throws an unchecked exception; it becomes a {@link CodecException} here, once for all.
 */
final class ScalarCodec<T> implements Codec<T> {

  /** Writes a value. */
  @FunctionalInterface
  interface Writer<T> {
    void write(T value, CodecOutput out);
  }

  /** Reads a value, throwing {@link CodecException} or any JDK exception for bad bytes. */
  @FunctionalInterface
  interface Reader<T> {
    T read(CodecInput in);
  }

  private final String shape;
  private final Writer<T> writer;
  private final Reader<T> reader;

  ScalarCodec(String shape, Writer<T> writer, Reader<T> reader) {
    this.shape = shape;
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void encode(T value, CodecOutput out) {
    writer.write(value, out);
  }

  @Override
  public T decode(CodecInput in) {
    try {
      return reader.read(in);
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException e) {
      // readers only parse bounded bytes, so anything else comes from a JDK factory's range check
      throw new CodecException("bytes do not hold a valid " + shape + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String shape() {
    return shape;
  }

  @Override
  public String toString() {
    return shape;
  }
}
