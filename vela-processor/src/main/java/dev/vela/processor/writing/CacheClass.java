package dev.vela.processor.writing;

import dev.vela.processor.codec.CodecPlan;
import dev.vela.processor.model.CacheModel;
import java.util.Objects;

/**
 * What a cache's generated class is written from: the valid cache and the codecs planned for its
 * key and value types.
 *
 * @param model the cache
 * @param keyCodec the codec plan of the key type
 * @param valueCodec the codec plan of the value type
 */
public record CacheClass(CacheModel model, CodecPlan keyCodec, CodecPlan valueCodec) {
  /** Checks that every part is given. */
  public CacheClass {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(keyCodec, "keyCodec");
    Objects.requireNonNull(valueCodec, "valueCodec");
  }
}
