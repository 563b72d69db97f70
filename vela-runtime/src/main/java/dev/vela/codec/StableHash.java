package dev.vela.codec;

import java.util.Objects;

/**
 * The hash that places keys on the consistent-hash ring: XXH64 (xxHash, 64-bit, as specified by
 * its reference implementation) with seed 0, over the key's unframed encoding, the bytes of
 * {@link Codecs#encode(Codec, Object)}: no shape fingerprint in front. It is computed from bytes
 * alone, so it is identical on every JVM, version and platform, unlike {@code hashCode()}, which
 * differs between JVMs for enums and other identity-hashed objects.
 *
 * <p>Equal keys hash alike as long as their encodings are equal. That holds for every built-in
 * codec (strings are UTF-8, enums their names, numbers fixed or zig-zag varints), with one caveat:
 * sets and maps are encoded in iteration order, so a key holding a {@code HashSet} of enums may
 * encode differently on two JVMs; keys that hold sets or maps should use sorted or insertion-ordered
 * ones.
 */
public final class StableHash {
  private static final long PRIME_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_3 = 0x165667B19E3779F9L;
  private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME_5 = 0x27D4EB2F165667C5L;

  /** The largest encoding buffer a thread keeps for hashing its next keys. */
  private static final int MAX_SCRATCH_BYTES = 4096;
  /** Each thread's output for encoding the keys it hashes, so that hashing a key makes no array. */
  private static final ThreadLocal<CodecOutput[]> SCRATCH = ThreadLocal.withInitial(() -> new CodecOutput[1]);

  private StableHash() {}

  /** The hash of {@code key}'s unframed encoding by {@code codec}. */
  public static <K> long ofKey(Codec<K> codec, K key) {
    Objects.requireNonNull(codec, "codec");
    Elements.requireWritable(codec, key);
    CodecOutput[] slot = SCRATCH.get();
    CodecOutput out = slot[0];
    slot[0] = null; // taken: a codec that hashes a key while it encodes one gets an output of its own
    if (out == null) {
      out = new CodecOutput();
    }
    try {
      out.reset();
      codec.encode(key, out);
      return hash64(out.buffer(), 0, out.size());
    } finally {
      if (out.buffer().length <= MAX_SCRATCH_BYTES) {
        slot[0] = out; // a large key's buffer is not kept for the thread's life
      }
    }
  }

  /** XXH64 with seed 0 of all of {@code bytes}. */
  public static long hash64(byte[] bytes) {
    return hash64(bytes, 0, bytes.length);
  }

  /** XXH64 with seed 0 of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static long hash64(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(bytes, "bytes").length);
    int p = offset;
    int end = offset + length;
    long hash;
    if (length >= 32) {
      long v1 = PRIME_1 + PRIME_2;
      long v2 = PRIME_2;
      long v3 = 0;
      long v4 = -PRIME_1;
      for (int limit = end - 32; p <= limit; p += 32) {
        v1 = round(v1, readLong(bytes, p));
        v2 = round(v2, readLong(bytes, p + 8));
        v3 = round(v3, readLong(bytes, p + 16));
        v4 = round(v4, readLong(bytes, p + 24));
      }
      hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      hash = merge(hash, v1);
      hash = merge(hash, v2);
      hash = merge(hash, v3);
      hash = merge(hash, v4);
    } else {
      hash = PRIME_5;
    }
    hash += length;
    for (; p + 8 <= end; p += 8) {
      hash ^= round(0, readLong(bytes, p));
      hash = Long.rotateLeft(hash, 27) * PRIME_1 + PRIME_4;
    }
    if (p + 4 <= end) {
      hash ^= (readInt(bytes, p) & 0xFFFFFFFFL) * PRIME_1;
      hash = Long.rotateLeft(hash, 23) * PRIME_2 + PRIME_3;
      p += 4;
    }
    for (; p < end; p++) {
      hash ^= (bytes[p] & 0xFF) * PRIME_5;
      hash = Long.rotateLeft(hash, 11) * PRIME_1;
    }
    return avalanche(hash);
  }

  private static long round(long accumulator, long lane) {
    return Long.rotateLeft(accumulator + lane * PRIME_2, 31) * PRIME_1;
  }

  private static long merge(long hash, long accumulator) {
    return (hash ^ round(0, accumulator)) * PRIME_1 + PRIME_4;
  }

  private static long avalanche(long hash) {
    hash ^= hash >>> 33;
    hash *= PRIME_2;
    hash ^= hash >>> 29;
    hash *= PRIME_3;
    return hash ^ hash >>> 32;
  }

  private static long readLong(byte[] bytes, int p) {
    return (readInt(bytes, p) & 0xFFFFFFFFL) | (long) readInt(bytes, p + 4) << 32;
  }

  private static int readInt(byte[] bytes, int p) {
    return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 3] & 0xFF) << 24;
  }
}
