package dev.vela.samples;

import dev.vela.Cache;
import dev.vela.annotation.VelaCache;
import java.util.UUID;

/** Login sessions by id, for thirty minutes. */
@VelaCache(name = "sessions", defaultTtl = "30m", sweepInterval = "1m")
public interface SessionCache extends Cache<UUID, Session> {
  /** A cache with the settings above. */
  static SessionCache create() {
    return VelaSessionCache.create();
  }
}
