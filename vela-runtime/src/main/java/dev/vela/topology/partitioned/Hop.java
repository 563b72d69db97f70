package dev.vela.topology.partitioned;

/**
 * How far a keyed request may travel; the second byte of a keyed request. Each has a code of its
 * own, written explicitly, so nodes agree on it whatever the order of the constants; a code a node
 * does not know is an error, never read as another hop.
 */
enum Hop {
  /** From the caller: the receiver serves it if it owns the key, else forwards it once. */
  ROUTED(0),
  /** Forwarded by a node that does not own the key: served where it lands, old owner included. */
  FORWARDED(1),
  /** Asked of an old owner while keys move: answered from its backend alone. */
  DIRECT(2);

  private final int code;

  Hop(int code) {
    this.code = code;
  }

  /** The byte that stands for this hop on the wire. */
  int code() {
    return code;
  }

  /**
   * The hop with this code.
   *
   * @throws IllegalArgumentException for a code no version of this topology sends
   */
  static Hop of(int code) {
    return switch (code) {
      case 0 -> ROUTED;
      case 1 -> FORWARDED;
      case 2 -> DIRECT;
      default -> throw new IllegalArgumentException("unknown hop code " + code + " in a partitioned request; do all"
          + " nodes run one version?");
    };
  }
}
