package dev.vela.topology.replicated;

import dev.vela.codec.CodecOutput;
import dev.vela.topology.wire.Wire;

/** The requests one node of a replicated cache sends another; the first byte of each request. */
enum ReplicaOp {
  /** Apply one versioned entry. */
  PUT,
  /** Apply entries written together, with one version. */
  PUT_ALL,
  /** Apply a versioned removal of one key. */
  DELETE,
  /** Remove every entry older than the version. */
  FLUSH,
  /** Remove the entries with a tag that are older than the version. */
  INVALIDATE_TAG,
  /** The sender runs this cache: send it every write from now on. Answers whether this node has its contents. */
  HELLO,
  /** Send the sender this node's contents, in batches, then answer. */
  SYNC,
  /** Part of another node's contents: apply each versioned entry or removal. */
  BATCH,
  /** This node's counters. */
  STATS,
  /** The sender's cache has closed: send it no more writes. */
  LEAVING;

  private static final ReplicaOp[] BY_CODE = values();

  /** A request that starts with this op. */
  CodecOutput request() {
    return Wire.request(ordinal());
  }

  /** The op with this code, or null for a code no version of this topology sends. */
  static ReplicaOp of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
