package dev.vela.backend.memory;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.BackendContractTest;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.time.InstantSource;
import org.junit.jupiter.api.Nested;

/** The backend contract, run against the memory backend unbounded and bounded by each policy. */
class MemoryBackendContractTest {

  @Nested
  class Unbounded extends BackendContractTest {
    @Override
    protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
      return MemoryBackend.unbounded(clock, listener);
    }
  }

  @Nested
  class BoundedLru extends BackendContractTest {
    @Override
    protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
      return MemoryBackend.bounded(10_000, EvictionPolicy.LRU, clock, listener);
    }
  }

  @Nested
  class BoundedLfu extends BackendContractTest {
    @Override
    protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
      return MemoryBackend.bounded(10_000, EvictionPolicy.LFU, clock, listener);
    }
  }
}
