package dev.vela.backend.eviction;

/** The three lists of an {@link AdaptiveOrder} a node can be in, as kept in {@link OrderNode#segment}. */
final class Segment {
  /** New entries, in recency order: the admission window. */
  static final byte WINDOW = 0;
  /** Main-area entries not read since they were admitted (or demoted): the first to go. */
  static final byte PROBATION = 1;
  /** Main-area entries read again after admission. */
  static final byte PROTECTED = 2;

  private Segment() {}
}
