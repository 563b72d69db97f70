package dev.vela.backend.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The Redis key names of one cache, in one bucket or in {@link #CLUSTER_BUCKETS} of them. Every
 * key of a bucket starts with the bucket's prefix, so the cache's keys never mix with anyone
 * else's, and the braces in it are the Redis Cluster hash tag: all keys of one bucket live in one
 * slot, which lets the scripts change an entry and its indexes atomically.
 *
 * <ul>
 *   <li>On one server (or under Sentinel) a cache is one bucket, {@code vela:{<cache>}:}.
 *   <li>On a Redis Cluster a key's bucket is the CRC-32 of its id modulo {@link #CLUSTER_BUCKETS},
 *       and bucket {@code b}'s prefix is {@code vela:{<cache>:b}:}: the buckets' slots, and so one
 *       cache's entries, spread over every shard.
 * </ul>
 *
 * Under its bucket's prefix:
 *
 * <ul>
 *   <li>{@code e:<id>}: an entry, its expiry time and framed value bytes, with Redis's own expiry (PX)
 *   <li>{@code g:<id>}: the set of the entry's tags
 *   <li>{@code t:<tag>}: the set of ids of the bucket's entries carrying the tag
 *   <li>{@code x}: the sorted set of every id of the bucket, scored by its expiry time
 *   <li>{@code l:<id>}: the short-lived lock of a fetch in progress
 *   <li>{@code k:<id>}: the leased lock of a transaction in progress, holding its owner's token
 * </ul>
 *
 * where {@code <id>} is the unpadded URL-safe Base64 of the key's codec bytes.
 */
final class RedisKeys {
  /**
   * Buckets of a cache on a Redis Cluster: enough that the slots of their hash tags spread evenly
   * over 3 to 30 shards, few enough that cache-wide work (one request per bucket) stays cheap.
   */
  static final int CLUSTER_BUCKETS = 256;

  private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder ID_DECODER = Base64.getUrlDecoder();

  private final String cacheName;
  private final String pattern;
  private final String[] prefixes;
  private final byte[][] prefixBytes;
  private final byte[][] indexes;

  /** The keys of a cache in one bucket, as on one server. */
  RedisKeys(String cacheName) {
    this(cacheName, 1);
  }

  /** The keys of a cache in {@code buckets} buckets; one keeps the single-server layout. */
  RedisKeys(String cacheName, int buckets) {
    this.cacheName = cacheName;
    pattern = buckets == 1 ? "vela:{" + cacheName + "}:" : "vela:{" + cacheName + ":<0.." + (buckets - 1) + ">}:";
    prefixes = new String[buckets];
    prefixBytes = new byte[buckets][];
    indexes = new byte[buckets][];
    for (int b = 0; b < buckets; b++) {
      prefixes[b] = buckets == 1 ? "vela:{" + cacheName + "}:" : "vela:{" + cacheName + ":" + b + "}:";
      prefixBytes[b] = bytes(prefixes[b]);
      indexes[b] = bytes(prefixes[b] + "x");
    }
  }
  /** The cache these keys belong to. */
  String cacheName() {
    return cacheName;
  }


  /** How many buckets the cache has. */
  int buckets() {
    return prefixes.length;
  }

  /** The bucket of an id. */
  int bucketOf(String id) {
    if (prefixes.length == 1) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes(id));
    return (int) (crc.getValue() % prefixes.length);
  }

  /** {@code vela:{<cache>}:} on one server, the first bucket's prefix on a cluster; for messages. */
  String prefix() {
    return prefixes[0];
  }

  /** The prefix, or the pattern of the buckets' prefixes on a cluster; for {@code inspect()}. */
  String pattern() {
    return pattern;
  }

  /** The prefix of the bucket of {@code id}, in front of each of its keys. */
  String prefixOf(String id) {
    return prefixes[bucketOf(id)];
  }

  /** Bucket {@code bucket}'s prefix as the scripts get it. */
  byte[] prefixBytes(int bucket) {
    return prefixBytes[bucket];
  }

  /** Bucket {@code bucket}'s expiry index, the key its scripts are routed by. */
  byte[] index(int bucket) {
    return indexes[bucket];
  }

  /**
   * The prefix a near cache asks Redis to track in broadcast mode: {@code vela:{<cache>}:e:} (the
   * entries) on one server; {@code vela:{<cache>:} on a cluster, one prefix for every bucket, where
   * Redis also reports index, tag and lock keys, which {@link #entryIdOf} passes over. One prefix
   * rather than one per bucket, since Redis compares each written key with every prefix tracked.
   */
  String trackingPrefix() {
    return prefixes.length == 1 ? prefixes[0] + "e:" : "vela:{" + cacheName + ":";
  }

  /**
   * The id in an entry key of this cache reported by tracking, or null for any other key: another
   * kind of key, or the key of another cache whose name starts with this one's.
   */
  String entryIdOf(byte[] redisKey) {
    String key = text(redisKey);
    String prefix = trackingPrefix();
    if (!key.startsWith(prefix)) {
      return null;
    }
    if (prefixes.length == 1) {
      return key.substring(prefix.length());
    }
    int close = key.indexOf("}:e:", prefix.length());
    if (close < 0) {
      return null;
    }
    String id = key.substring(close + "}:e:".length());
    // the bucket in the hash tag must be the id's own: "vela:{a:b:7}:e:x" is cache "a:b"'s, not "a"'s
    return key.substring(prefix.length(), close).equals(Integer.toString(bucketOf(id))) ? id : null;
  }

  /** The entry key of an id. */
  byte[] entry(String id) {
    return bytes(prefixOf(id) + "e:" + id);
  }

  /** The fetch lock of an id. */
  byte[] lock(String id) {
    return bytes(prefixOf(id) + "l:" + id);
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
