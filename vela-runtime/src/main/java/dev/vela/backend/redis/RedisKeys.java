package dev.vela.backend.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Redis key names of one cache. Every key starts with {@code vela:{<cache>}:}, so the cache's
 * keys never mix with anyone else's, and the braces make {@code <cache>} the Redis Cluster hash
 * tag: all keys of one cache live in one slot, which lets the scripts change an entry and its
 * indexes atomically, at the price that one cache is never spread over several shards.
 *
 * <ul>
 *   <li>{@code e:<id>}: an entry, its expiry time and framed value bytes, with Redis's own expiry (PX)
 *   <li>{@code g:<id>}: the set of the entry's tags
 *   <li>{@code t:<tag>}: the set of ids of the entries carrying the tag
 *   <li>{@code x}: the sorted set of every entry's id, scored by its expiry time
 *   <li>{@code l:<id>}: the short-lived lock of a fetch in progress
 * </ul>
 *
 * where {@code <id>} is the unpadded URL-safe Base64 of the key's codec bytes.
 */
final class RedisKeys {
  private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder ID_DECODER = Base64.getUrlDecoder();

  private final String prefix;
  private final byte[] prefixBytes;
  private final byte[] index;

  RedisKeys(String cacheName) {
    this.prefix = "vela:{" + cacheName + "}:";
    this.prefixBytes = bytes(prefix);
    this.index = bytes(prefix + "x");
  }

  /** {@code vela:{<cache>}:}, in front of every key of the cache. */
  String prefix() {
    return prefix;
  }

  /** The prefix as the scripts get it. */
  byte[] prefixBytes() {
    return prefixBytes;
  }

  /** The expiry index, the key every script is routed by. */
  byte[] index() {
    return index;
  }

  /** The entry key of an id. */
  byte[] entry(String id) {
    return bytes(prefix + "e:" + id);
  }

  /** The fetch lock of an id. */
  byte[] lock(String id) {
    return bytes(prefix + "l:" + id);
  }

  /** The id of a key, from its codec bytes. */
  static String id(byte[] keyBytes) {
    return ID_ENCODER.encodeToString(keyBytes);
  }

  /** The codec bytes of a key, from its id. */
  static byte[] keyBytes(String id) {
    return ID_DECODER.decode(id);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
