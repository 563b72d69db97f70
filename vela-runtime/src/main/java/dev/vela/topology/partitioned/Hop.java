package dev.vela.topology.partitioned;

/** How far a keyed request may travel; the second byte of a keyed request. */
enum Hop {
  /** From the caller: the receiver serves it if it owns the key, else forwards it once. */
  ROUTED,
  /** Forwarded by a node that does not own the key: served where it lands, old owner included. */
  FORWARDED,
  /** Asked of an old owner while keys move: answered from its backend alone. */
  DIRECT;

  private static final Hop[] BY_CODE = values();

  static Hop of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : ROUTED;
  }
}
