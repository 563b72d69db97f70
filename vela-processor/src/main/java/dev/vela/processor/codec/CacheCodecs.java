package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The hand-written codecs a cache interface declares for types it does not own, by the exact type
 * each encodes. A primitive type uses the codec of its box.
 */
final class CacheCodecs {
  private final List<Entry> entries;
  private final Types types;

  CacheCodecs(List<Entry> entries, Types types) {
    this.entries = List.copyOf(entries);
    this.types = types;
  }

  /**
   * One declared codec.
   *
   * @param encodes the type it encodes
   * @param codecClass the codec class
   */
  record Entry(TypeMirror encodes, ClassName codecClass) {
    Entry {
      Objects.requireNonNull(encodes, "encodes");
      Objects.requireNonNull(codecClass, "codecClass");
    }
  }

  /** The codec declared for exactly {@code type}, if any. */
  Optional<ClassName> find(TypeMirror type) {
    return find(entries, type, types);
  }

  static Optional<ClassName> find(List<Entry> entries, TypeMirror type, Types types) {
    TypeMirror wanted = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    return entries.stream()
        .filter(entry -> types.isSameType(entry.encodes(), wanted))
        .map(Entry::codecClass)
        .findFirst();
  }
}
