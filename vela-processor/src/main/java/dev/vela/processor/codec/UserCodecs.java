package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import dev.vela.processor.codec.CodecClassCheck.Unusable;
import dev.vela.processor.codec.CodecClassCheck.Usable;
import dev.vela.processor.codec.VelaCodecAnnotations.Occurrence;
import dev.vela.processor.diagnostic.Message;
import dev.vela.processor.diagnostic.Problem;
import dev.vela.processor.diagnostic.UnusableClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Finds the hand-written codecs that {@code @VelaCodec} names, on a type itself or on a cache
 * interface, and logs what is wrong with them. Nothing is remembered between calls, because type
 * mirrors of one round must not be compared with those of the next; the log drops repeats.
 */
final class UserCodecs {
  private final Types types;
  private final CodecClassCheck check;
  private final ProblemLog problems;

  UserCodecs(Types types, CodecClassCheck check, ProblemLog problems) {
    this.types = types;
    this.check = check;
    this.problems = problems;
  }

  /** What a type's own {@code @VelaCodec} says. */
  sealed interface OwnCodec {}

  /** The type names no codec for itself. */
  record NoOwnCodec() implements OwnCodec {}

  /**
   * The type names a usable codec.
   *
   * @param codecClass the codec
   * @param encodes the type it encodes, which may be one parameterization of a generic type
   */
  record UsableOwnCodec(ClassName codecClass, TypeMirror encodes) implements OwnCodec {}

  /**
   * The type names a codec that cannot be used (the problem is logged).
   *
   * @param codecClass the class named, as written
   */
  record UnusableOwnCodec(String codecClass) implements OwnCodec {}

  /** The codec {@code type} names for itself with {@code @VelaCodec}. */
  OwnCodec ownCodec(TypeElement type) {
    UsableOwnCodec chosen = null;
    String unusable = null;
    for (Occurrence occurrence : VelaCodecAnnotations.on(type)) {
      String named = TypeText.qualified(occurrence.codecClass());
      CodecClassCheck.Outcome outcome = check.check(occurrence.codecClass());
      if (outcome instanceof Usable usable && !encodesType(usable, type)) {
        outcome = new Unusable(UnusableClass.ENCODES_ANOTHER_TYPE.with(usable.encodes(), type.getQualifiedName()));
      }
      if (outcome instanceof Unusable bad) {
        problems.add(problem(Message.BAD_USER_CODEC, type, occurrence, named, bad.reason()));
        unusable = named;
      } else if (outcome instanceof Usable usable) {
        if (chosen == null) {
          chosen = new UsableOwnCodec(usable.codecClass(), usable.encodes());
        } else if (!chosen.codecClass().equals(usable.codecClass())) {
          problems.add(problem(Message.CONFLICTING_USER_CODECS, type, occurrence,
              type.getQualifiedName(), chosen.codecClass().canonicalName(), named));
        }
      }
    }
    if (chosen != null) {
      return chosen;
    }
    return unusable != null ? new UnusableOwnCodec(unusable) : new NoOwnCodec();
  }

  /**
   * The codecs {@code cache} declares with {@code @VelaCodec} for types it does not own; they
   * apply to its key and value types and everything inside them.
   */
  CacheCodecs onCache(TypeElement cache) {
    List<CacheCodecs.Entry> entries = new ArrayList<>();
    for (Occurrence occurrence : VelaCodecAnnotations.on(cache)) {
      String named = TypeText.qualified(occurrence.codecClass());
      CodecClassCheck.Outcome outcome = check.check(occurrence.codecClass());
      if (outcome instanceof Unusable bad) {
        problems.add(problem(Message.BAD_USER_CODEC, cache, occurrence, named, bad.reason()));
        continue;
      }
      Usable usable = (Usable) outcome;
      Optional<ClassName> earlier = CacheCodecs.find(entries, usable.encodes(), types);
      Optional<ClassName> own = ownUsableCodec(usable.encodes());
      Optional<ClassName> rival = earlier.isPresent() ? earlier : own;
      if (rival.isPresent() && !rival.get().equals(usable.codecClass())) {
        problems.add(problem(Message.CONFLICTING_USER_CODECS, cache, occurrence,
            usable.encodes(), rival.get().canonicalName(), named));
      } else if (earlier.isEmpty()) {
        entries.add(new CacheCodecs.Entry(usable.encodes(), usable.codecClass()));
      }
    }
    return new CacheCodecs(entries, types);
  }

  private Optional<ClassName> ownUsableCodec(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return ownCodec(element) instanceof UsableOwnCodec usable && types.isSameType(usable.encodes(), type)
        ? Optional.of(usable.codecClass())
        : Optional.empty();
  }

  private boolean encodesType(Usable usable, TypeElement type) {
    return types.isSameType(types.erasure(usable.encodes()), types.erasure(type.asType()));
  }

  private static Problem problem(Message message, TypeElement element, Occurrence occurrence, Object... args) {
    return new Problem(message, element, occurrence.annotation(), occurrence.value(), List.of(args));
  }
}
