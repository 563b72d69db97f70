package dev.vela.processor.validation;

import dev.vela.processor.diagnostic.CacheReport;
import dev.vela.processor.diagnostic.Message;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.processor.model.CacheType;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Checks that the key and value types have codecs when the backend or topology turns entries into bytes. */
final class CodecCheck {
  private CodecCheck() {}

  static void check(
      TypeElement element,
      CacheTypeArguments arguments,
      Backend backend,
      Topology topology,
      CodecLookup codecs,
      CacheReport problems) {
    if (backend == Backend.MEMORY && topology == Topology.LOCAL) {
      return;
    }
    String needer = backend != Backend.MEMORY ? "backend " + backend : "topology " + topology;
    checkOne("key", arguments.key(), element, needer, codecs, problems);
    checkOne("value", arguments.value(), element, needer, codecs, problems);
  }

  private static void checkOne(
      String role, TypeMirror type, TypeElement element, String needer, CodecLookup codecs, CacheReport problems) {
    // the extends clause cannot be pointed at through the API, so the problem goes on the interface
    codecs.unsupportedPart(type).ifPresent(part ->
        problems.addOn(element, Message.NO_CODEC, role, CacheType.of(type).sourceName(), needer, part));
  }
}
