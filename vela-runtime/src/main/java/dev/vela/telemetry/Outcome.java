package dev.vela.telemetry;

import java.util.Locale;

/** How an operation ended: a read hit or missed; a write, fetch or tag invalidation succeeded or failed. */
public enum Outcome {
  /** A read found a live entry. */
  HIT,
  /** A read found nothing, or an expired entry. */
  MISS,
  /** A write, fetch or tag invalidation succeeded. */
  OK,
  /** A write, fetch or tag invalidation threw; the exception reached the caller. */
  ERROR;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** The outcome as a meter tag value: {@code hit}, {@code miss}, {@code ok} or {@code error}. */
  public String tagValue() {
    return tagValue;
  }

  /** {@link #HIT} when {@code found}, else {@link #MISS}. */
  public static Outcome ofLookup(boolean found) {
    return found ? HIT : MISS;
  }
}
