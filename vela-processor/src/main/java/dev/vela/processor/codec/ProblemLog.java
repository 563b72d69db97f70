package dev.vela.processor.codec;

import dev.vela.processor.diagnostic.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.QualifiedNameable;

/**
 * The problems planning found, each kept once although the same annotation is read again for every
 * cache and round, and handed out once.
 */
final class ProblemLog {
  private final Set<String> seen = new HashSet<>();
  private final List<Problem> unreported = new ArrayList<>();

  /** Keeps {@code problem} unless an equal one (same place, same text) was kept before. */
  void add(Problem problem) {
    String key = nameOf(problem.element()) + '|' + problem.value() + '|' + problem.text();
    if (seen.add(key)) {
      unreported.add(problem);
    }
  }

  /** The problems kept since the last call, in the order they were found. */
  List<Problem> drain() {
    List<Problem> drained = List.copyOf(unreported);
    unreported.clear();
    return drained;
  }

  private static String nameOf(Element element) {
    return element instanceof QualifiedNameable named
        ? named.getQualifiedName().toString()
        : element.toString();
  }
}
