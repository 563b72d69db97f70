package dev.vela.backend.memory;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.BackendWriteContract;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.time.InstantSource;
import org.junit.jupiter.api.Nested;

/** The conditional write contract, run against the memory backend unbounded and bounded. */
class MemoryBackendWriteContractTest {

  @Nested
  class Unbounded extends BackendWriteContract {
    @Override
    protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
      return MemoryBackend.unbounded(clock, listener);
    }
  }

  @Nested
  class BoundedLru extends BackendWriteContract {
    @Override
    protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
      return MemoryBackend.bounded(10_000, EvictionPolicy.LRU, clock, listener);
    }
  }
}
