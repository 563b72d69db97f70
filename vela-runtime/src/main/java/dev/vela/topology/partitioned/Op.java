package dev.vela.topology.partitioned;

import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Wire;

/**
 * The requests one node of a partitioned cache sends another; the first byte of each request. Each
 * has a code of its own, written explicitly, so that nodes of different versions agree on it; a
 * code a node does not know is answered with an error.
 */
enum Op {
  /** The value of a key. */
  GET(0),
  /** The entry of a key, with its remaining time to live and tags, not counted as a use. */
  ENTRY(1),
  /** Store one entry. */
  PUT(2),
  /** Store entries of one owner at once. */
  PUT_ALL(3),
  /** Remove one key. */
  DELETE(4),
  /** This node's entry count. */
  SIZE(5),
  /** Remove this node's entries. */
  FLUSH(6),
  /** Remove this node's entries with a tag. */
  INVALIDATE_TAG(7),
  /** This node's entries. */
  ENTRIES(8),
  /** This node's counters. */
  STATS(9),
  /**
   * Versioned entries and removals for a backup or a new owner: each applied only where it is newer
   * than the write of its key applied there.
   */
  COPY(10),
  /** The sender has moved every key it held that the receiver's ring gives to others. */
  HANDOVER_DONE(11),
  /** Ask the owner for the right to fetch a missing key, or for the value another node fetched. */
  CLAIM(12),
  /** Give back the right to fetch: the fetch stored its value, or failed. */
  RELEASE(13),
  /** The sender's cache has closed (its node may stay): route no key to it any more. */
  LEAVING(14),
  /** A near-cache invalidation: the sender changed a key, a tag's entries or every entry. */
  CHANGED(15),
  /** The sender runs this cache; the answer says the receiver runs it too. */
  RUNS(16),
  /** Lock keys for a transaction of the sender, as their owner; answered at once, granted or not. */
  LOCK(17),
  /** Release the keys a transaction of the sender locked. */
  UNLOCK(18),
  /**
   * One conditional write, applied by the key's owner under its key lock: the condition is tested
   * against the owner's entry, and the answer says whether it applied, what was there and the
   * version of the write.
   */
  WRITE(19),
  /** The values of several keys of one owner. */
  GET_ALL(20),
  /** Remove several keys of one owner; the answer gives each removal's version. */
  DELETE_ALL(21),
  /**
   * The entry of a key with the version of its latest write here, from the receiver's backend
   * alone: a new owner reads it before it applies a conditional write to a key still on its way.
   */
  HELD(22);

  private static final Op[] BY_CODE = new Op[32];

  static {
    for (Op op : values()) {
      if (BY_CODE[op.code] != null) {
        throw new ExceptionInInitializerError("two ops share code " + op.code);
      }
      BY_CODE[op.code] = op;
    }
  }

  private final byte code;

  Op(int code) {
    this.code = (byte) code;
  }

  /** The byte that stands for this op on the wire: fixed, whatever order the constants are declared in. */
  byte code() {
    return code;
  }

  /** A request that starts with this op. */
  CodecOutput request() {
    return Wire.request(code());
  }

  /** The op with this code, or null for a code no version of this topology sends. */
  static Op of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
