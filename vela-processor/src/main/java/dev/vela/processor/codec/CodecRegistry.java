package dev.vela.processor.codec;

import com.palantir.javapoet.ClassName;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The codec classes this compilation generates, one per record or sealed type however many caches
 * use it, and which of them are written already. Entries hold names only, so they stay valid from
 * one round to the next.
 */
final class CodecRegistry {
  private final Map<ClassName, Registered> byCodecClass = new TreeMap<>();
  private final Set<ClassName> written = new HashSet<>();

  /**
   * A codec class to generate.
   *
   * @param codec what it encodes and how
   * @param firstCache the qualified name of the cache whose plan first needed it
   */
  record Registered(GeneratedCodec codec, String firstCache) {
    Registered {
      Objects.requireNonNull(codec, "codec");
      Objects.requireNonNull(firstCache, "firstCache");
    }
  }

  /** The codec class of that name, if a plan of this compilation needed it. */
  Optional<Registered> find(ClassName codecClass) {
    return Optional.ofNullable(byCodecClass.get(codecClass));
  }

  /** The model of a codec class that is registered; asking for another one is a bug. */
  GeneratedCodec get(ClassName codecClass) {
    Registered registered = byCodecClass.get(codecClass);
    if (registered == null) {
      throw new IllegalStateException(codecClass + " was never planned");
    }
    return registered.codec();
  }

  /** Registers the codec classes of one successful plan for {@code cache}; known ones stay as they are. */
  void addAll(Iterable<GeneratedCodec> codecs, String cache) {
    for (GeneratedCodec codec : codecs) {
      byCodecClass.putIfAbsent(codec.codecClass(), new Registered(codec, cache));
    }
  }

  /** The registered codec classes not written yet, sorted by name so that output is deterministic. */
  List<GeneratedCodec> unwritten() {
    return byCodecClass.values().stream()
        .map(Registered::codec)
        .filter(codec -> !written.contains(codec.codecClass()))
        .toList();
  }

  /** Records that the class {@code codecClass} is written. */
  void markWritten(ClassName codecClass) {
    written.add(codecClass);
  }
}
