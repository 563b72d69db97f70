package dev.vela.processor.codec;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Problem;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.QualifiedNameable;

/**
 * Where planning puts the problems it finds: into the report of the cache being planned, each
 * problem once in the compilation, although the same annotation is read again for every cache and
 * round.
 */
final class ProblemLog {
  private final Set<String> seen = new HashSet<>();
  private CacheReport report;

  /** Sends the problems found from now on to {@code report}, the cache being planned; null for none. */
  void reportTo(CacheReport report) {
    this.report = report;
  }

  /** Adds {@code problem} to the current report unless an equal one (same place, same text) was added before. */
  void add(Problem problem) {
    Objects.requireNonNull(report, "a problem was found outside the planning of a cache");
    String key = nameOf(problem.element()) + '|' + problem.value() + '|' + problem.text();
    if (seen.add(key)) {
      report.add(problem);
    }
  }

  private static String nameOf(Element element) {
    return element instanceof QualifiedNameable named
        ? named.getQualifiedName().toString()
        : element.toString();
  }
}
