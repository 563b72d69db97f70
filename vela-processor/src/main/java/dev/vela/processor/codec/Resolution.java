package dev.vela.processor.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outcome of resolving one type: a codec node, or the path to the part that has none. */
sealed interface Resolution {

  /** The type has a codec, built as {@code node} says. */
  record Found(CodecNode node) implements Resolution {
    public Found {
      Objects.requireNonNull(node, "node");
    }
  }

  /**
   * The type has no codec.
   *
   * @param steps the way from the type to the unsupported part, outermost first; the last step is
   *     the part itself
   * @param whole whether the unsupported part is the resolved type as a whole (then a record
   *     component names it in one step: {@code User.address: java.net.URL})
   */
  record Missing(List<String> steps, boolean whole) implements Resolution {
    public Missing {
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a missing codec needs at least one step");
      }
    }

    /** The resolved type itself is unsupported, for the reason {@code text} describes. */
    static Missing of(String text) {
      return new Missing(List.of(text), true);
    }

    /** The same path, seen from a type that contains the unsupported part. */
    Missing inside() {
      return new Missing(steps, false);
    }

    /**
     * The path seen from the record component {@code label} ({@code User.address}) of type {@code
     * declared} ({@code List<Line>}).
     */
    Missing throughComponent(String label, String declared) {
      if (whole) {
        return new Missing(List.of(label + ": " + steps.get(0)), false);
      }
      List<String> longer = new ArrayList<>(steps.size() + 1);
      longer.add(label + ": " + declared);
      longer.addAll(steps);
      return new Missing(longer, false);
    }

    /** The path as one line: the steps joined by {@code ->}. */
    String path() {
      return String.join(" -> ", steps);
    }
  }
}
