package dev.vela.backend;

/** Why a backend removed an entry on its own, as a {@link RemovalListener} is told. */
public enum RemovalCause {
  /** Its time to live ran out; a read or the sweeper found it. */
  EXPIRED,
  /** The backend was full ({@code maxSize}) and the eviction policy chose it. */
  EVICTED
}
