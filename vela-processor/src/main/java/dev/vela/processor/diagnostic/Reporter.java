package dev.vela.processor.diagnostic;

import java.util.Collection;
import java.util.Objects;
import javax.annotation.processing.Messager;

/** Prints problems through the compiler, each on the most precise place it names. */
public final class Reporter {
  private final Messager messager;

  /** A reporter printing to {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = Objects.requireNonNull(messager, "messager");
  }

  /** Prints {@code problem} on its value, else its annotation, else its element. */
  public void report(Problem problem) {
    Objects.requireNonNull(problem, "problem");
    if (problem.value() != null) {
      messager.printMessage(
          problem.message().kind(), problem.text(), problem.element(), problem.annotation(), problem.value());
    } else if (problem.annotation() != null) {
      messager.printMessage(problem.message().kind(), problem.text(), problem.element(), problem.annotation());
    } else {
      messager.printMessage(problem.message().kind(), problem.text(), problem.element());
    }
  }

  /** Prints every problem, in order. */
  public void reportAll(Collection<Problem> problems) {
    problems.forEach(this::report);
  }

  /** Prints a message that belongs to no element, such as a failure to write a shared file. */
  public void reportUnplaced(Message message, Object... args) {
    Objects.requireNonNull(message, "message");
    messager.printMessage(message.kind(), message.format(args));
  }
}
