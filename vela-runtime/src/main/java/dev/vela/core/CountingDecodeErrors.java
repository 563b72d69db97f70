package dev.vela.core;

import dev.vela.backend.DecodeErrorListener;
import dev.vela.codec.CodecException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts undecodable stored values as decode errors, and logs the first one of a cache. */
final class CountingDecodeErrors implements DecodeErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(CountingDecodeErrors.class);

  private final String cacheName;
  private final StatsCounter stats;
  private final AtomicBoolean logged = new AtomicBoolean();

  CountingDecodeErrors(String cacheName, StatsCounter stats) {
    this.cacheName = cacheName;
    this.stats = stats;
  }

  @Override
  public void onDecodeError(CodecException error) {
    stats.recordDecodeError();
    if (logged.compareAndSet(false, true)) {
      LOG.warn("cache '{}' found a stored value it cannot decode, and treats it as a miss"
          + " (further ones are only counted in stats().decodeErrors()): {}", cacheName, error.getMessage());
    }
  }
}
