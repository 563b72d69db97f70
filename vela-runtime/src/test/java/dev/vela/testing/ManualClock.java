package dev.vela.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until a test moves it; safe to move from several threads. */
public final class ManualClock implements InstantSource {
  private final AtomicLong millis;

  /** A clock at {@code start}. */
  public ManualClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /** A clock at 2030-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2030-01-01T00:00:00Z"));
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
