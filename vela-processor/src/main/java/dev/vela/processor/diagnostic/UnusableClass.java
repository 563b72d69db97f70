package dev.vela.processor.diagnostic;

import java.util.List;
import java.util.Locale;

/**
 * Why a class an annotation names (a {@code @VelaCodec} codec, a {@code weigher}) cannot be used by
 * generated code: the reasons {@link Message#BAD_USER_CODEC} and {@link Message#BAD_WEIGHER} give,
 * each worded to follow "which".
 */
public enum UnusableClass {
  NOT_A_CLASS("is not a class"),
  NOT_PUBLIC("is not public"),
  NOT_PUBLIC_ALL_THE_WAY_OUT("is not public (nor are all the classes it is nested in)"),
  INNER_CLASS("is an inner class, which needs an instance of its outer class; make it static"),
  ABSTRACT("is abstract"),
  NO_PUBLIC_NO_ARGUMENT_CONSTRUCTOR("has no public no-argument constructor"),
  TYPE_PARAMETERS("has type parameters, so its encoded type is not fixed"),
  /** Its argument is the interface it should implement. */
  DOES_NOT_IMPLEMENT("does not implement %s"),
  /** Its arguments are the type it encodes and the type it was named for. */
  ENCODES_ANOTHER_TYPE("encodes %s, not %s");

  private final String format;

  UnusableClass(String format) {
    this.format = format;
  }

  /**
   * This reason with its arguments.
   *
   * @param args the places of the reason's text, in order
   */
  public Reason with(Object... args) {
    return new Reason(this, List.of(args));
  }

  /**
   * One reason with its arguments; prints as its text, so it fills a place of a {@link Message}.
   *
   * @param reason the reason
   * @param args its arguments
   */
  public record Reason(UnusableClass reason, List<Object> args) {
    /** Copies the arguments. */
    public Reason {
      args = List.copyOf(args);
    }

    /** The reason's text. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, reason.format, args.toArray());
    }
  }
}
