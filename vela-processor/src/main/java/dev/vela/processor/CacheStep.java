package dev.vela.processor;

import dev.vela.processor.codec.CodecPlanner;
import dev.vela.processor.model.CacheModel;
import dev.vela.processor.validation.CacheValidator;
import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.diagnostic.Problem;
import dev.vela.processor.diagnostic.Reporter;
import dev.vela.processor.validation.Validation;
import dev.vela.processor.writing.CacheClass;
import dev.vela.processor.writing.CacheWriter;
import dev.vela.processor.writing.DeclarationList;
import dev.vela.processor.writing.GeneratedNames;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Takes one {@code @VelaCache} interface through validation, codec planning and writing. */
final class CacheStep {
  private final CacheValidator validator;
  private final CodecPlanner planner;
  private final CacheWriter writer;
  private final Reporter reporter;
  private final Filer filer;
  private final Elements elements;
  private final DeclarationList declarations = new DeclarationList();

  CacheStep(ProcessingEnvironment env) {
    this.validator = new CacheValidator(env);
    this.planner = new CodecPlanner(env);
    this.filer = env.getFiler();
    this.elements = env.getElementUtils();
    this.writer = new CacheWriter(filer, elements);
    this.reporter = new Reporter(env.getMessager());
  }

  /**
   * Checks {@code element} and writes its class when it is valid. Returns true when it uses types
   * that do not exist yet and should be tried again next round; in the last round these are
   * reported instead.
   */
  boolean process(TypeElement element, boolean lastRound) {
    CacheReport report = CacheValidator.reportFor(element);
    PlannedCodecs codecs = new PlannedCodecs(planner, element, report);
    Validation validation = validator.validate(element, codecs, report);
    if (validation instanceof Validation.Deferred deferred) {
      if (!lastRound) {
        return true;
      }
      reporter.report(new Problem(Message.UNRESOLVED_TYPE, element, null, null,
          List.of(element.getQualifiedName(), deferred.unresolved())));
      return false;
    }
    // the plans are made before the report is printed, so that what planning finds is in it
    CacheClass planned = validation instanceof Validation.Accepted accepted ? planned(accepted.model(), codecs) : null;
    reporter.reportAll(report.problems());
    if (planned != null && !report.hasErrors()) {
      write(planned);
    }
    return false;
  }

  /** Writes the codec classes the caches of this round need. */
  void finishRound() {
    try {
      planner.writePending(filer);
    } catch (IOException e) {
      reporter.reportUnplaced(Message.WRITE_FAILED, "the codec classes", e.getMessage());
    }
  }

  /** Writes the list of the caches generated in this compilation, when there are any. */
  void finishCompilation() {
    if (declarations.isEmpty()) {
      return;
    }
    try {
      declarations.write(filer, elements);
    } catch (IOException e) {
      reporter.reportUnplaced(Message.WRITE_FAILED, DeclarationList.PATH, e.getMessage());
    }
  }

  private static CacheClass planned(CacheModel model, PlannedCodecs codecs) {
    return new CacheClass(model, codecs.plan(model.key().mirror()), codecs.plan(model.value().mirror()));
  }

  private void write(CacheClass cache) {
    try {
      writer.generate(cache);
      declarations.add(cache.model());
    } catch (IOException e) {
      reporter.report(new Problem(Message.WRITE_FAILED, cache.model().element(), null, null,
          List.of(GeneratedNames.cacheClass(cache.model().interfaceName()), e.getMessage())));
    }
  }
}
