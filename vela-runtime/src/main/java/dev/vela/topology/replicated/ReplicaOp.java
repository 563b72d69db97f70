package dev.vela.topology.replicated;

import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Wire;

/**
 * The requests one node of a replicated cache sends another; the first byte of each request. Each
 * has a code of its own, written explicitly, so that nodes of different versions agree on it; a
 * code a node does not know is answered with an error.
 */
enum ReplicaOp {
  /** Apply one versioned entry. */
  PUT(0),
  /** Apply entries written together, with one version. */
  PUT_ALL(1),
  /** Apply a versioned removal of one key. */
  DELETE(2),
  /** Remove every entry older than the version. */
  FLUSH(3),
  /** Remove the entries with a tag that are older than the version. */
  INVALIDATE_TAG(4),
  /** The sender runs this cache: send it every write from now on. Answers whether this node has its contents. */
  HELLO(5),
  /** Send the sender this node's contents, in batches, then answer. */
  SYNC(6),
  /** Part of another node's contents: apply each versioned entry or removal. */
  BATCH(7),
  /** This node's counters. */
  STATS(8),
  /** The sender's cache has closed: send it no more writes. */
  LEAVING(9),
  /**
   * One conditional write, for the lock holder to apply under its key lock and send to every node;
   * a node that is not the lock holder (any more) refuses it, and the sender asks the one it sees next.
   */
  WRITE(10),
  /** Apply a versioned removal of several keys, with one version. */
  DELETE_ALL(11),
  /** Lock keys for a transaction of the sender, as the lock holder; answered at once, granted or not. */
  LOCK(12),
  /** Release the keys a transaction of the sender locked. */
  UNLOCK(13);

  private static final ReplicaOp[] BY_CODE = new ReplicaOp[32];

  static {
    for (ReplicaOp op : values()) {
      if (BY_CODE[op.code] != null) {
        throw new ExceptionInInitializerError("two ops share code " + op.code);
      }
      BY_CODE[op.code] = op;
    }
  }

  private final int code;

  ReplicaOp(int code) {
    this.code = code;
  }

  /** A request that starts with this op. */
  CodecOutput request() {
    return Wire.request(code);
  }

  /** The op with this code, or null for a code no version of this topology sends. */
  static ReplicaOp of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
