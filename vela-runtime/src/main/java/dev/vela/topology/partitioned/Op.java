package dev.vela.topology.partitioned;

import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Wire;

/** The requests one node of a partitioned cache sends another; the first byte of each request. */
enum Op {
  /** The value of a key. */
  GET,
  /** The entry of a key, with its remaining time to live and tags, not counted as a use. */
  ENTRY,
  /** Store one entry. */
  PUT,
  /** Store entries of one owner at once. */
  PUT_ALL,
  /** Remove one key. */
  DELETE,
  /** This node's entry count. */
  SIZE,
  /** Remove this node's entries. */
  FLUSH,
  /** Remove this node's entries with a tag. */
  INVALIDATE_TAG,
  /** This node's entries. */
  ENTRIES,
  /** This node's counters. */
  STATS,
  /**
   * Versioned entries and removals for a backup or a new owner: each applied only where it is newer
   * than the write of its key applied there.
   */
  COPY,
  /** The sender has moved every key it held that the receiver's ring gives to others. */
  HANDOVER_DONE,
  /** Ask the owner for the right to fetch a missing key, or for the value another node fetched. */
  CLAIM,
  /** Give back the right to fetch: the fetch stored its value, or failed. */
  RELEASE,
  /** The sender's cache has closed (its node may stay): route no key to it any more. */
  LEAVING,
  /** A near-cache invalidation: the sender changed a key, a tag's entries or every entry. */
  CHANGED,
  /** The sender runs this cache; the answer says the receiver runs it too. */
  RUNS,
  /** Lock keys for a transaction of the sender, as their owner; answered at once, granted or not. */
  LOCK,
  /** Release the keys a transaction of the sender locked. */
  UNLOCK;

  private static final Op[] BY_CODE = values();

  /** The byte that stands for this op. */
  byte code() {
    return (byte) ordinal();
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
