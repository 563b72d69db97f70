package dev.vela.backend.redis;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.WriteCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The arguments of {@link Scripts#WRITE} for one condition and one update: the letters naming them
 * and the bytes they carry, in the order the script reads them.
 */
final class WriteArguments {
  private static final byte[] NONE = new byte[0];
  private static final byte[] YES = RedisKeys.bytes("1");
  private static final byte[] NO = RedisKeys.bytes("0");

  private WriteArguments() {}

  /**
   * The script's arguments after the prefix.
   *
   * @param id the entry's id
   * @param now the cache clock's time
   * @param framed the framed bytes of a value, as compared and stored
   * @param stored the envelope, PX and index score of a value and expiry, as {@code put} sends them
   */
  static <V> byte[][] of(String id, long now, WriteCondition<V> condition, EntryUpdate<V> update,
      Function<V, byte[]> framed, StoredForm<V> stored) {
    List<byte[]> args = new ArrayList<>(12);
    args.add(RedisKeys.bytes(id));
    args.add(RedisKeys.bytes(Long.toString(now)));
    // Java 17: no pattern switch yet, so the sealed types are told apart one by one
    if (condition instanceof WriteCondition.ValueEquals<V> equals) {
      args.add(RedisKeys.bytes("E"));
      args.add(framed.apply(equals.expected()));
    } else {
      args.add(RedisKeys.bytes(condition instanceof WriteCondition.Absent ? "N"
          : condition instanceof WriteCondition.Present ? "P" : "A"));
      args.add(NONE);
    }
    if (update instanceof EntryUpdate.Put<V> put) {
      args.add(RedisKeys.bytes("S"));
      args.addAll(stored.of(put.value(), put.expiresAtMillis()));
      args.add(put.keepExpiry() ? YES : NO);
      args.add(put.keepTags() ? YES : NO);
      put.tags().forEach(tag -> args.add(RedisKeys.bytes(tag)));
    } else if (update instanceof EntryUpdate.Expire<V> expire) {
      args.add(RedisKeys.bytes("X"));
      // the script puts the stored value's framed bytes after this header
      args.addAll(stored.of(null, expire.expiresAtMillis()));
      args.add(NO);
      args.add(NO);
    } else {
      args.add(RedisKeys.bytes("D"));
      args.add(NONE);
      args.add(NO);
      args.add(NONE);
      args.add(NO);
      args.add(NO);
    }
    return args.toArray(byte[][]::new);
  }

  /** How a value and its expiry are stored: envelope (header only for a null value), PX and score. */
  @FunctionalInterface
  interface StoredForm<V> {
    List<byte[]> of(V value, long expiresAtMillis);
  }
}
