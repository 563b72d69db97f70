package dev.vela.telemetry;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCaches;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a user without Micrometer does: build a cache with a listener and use it. Loaded by
 * {@link WithoutMicrometerTest} in a class loader that cannot see Micrometer, so it may use only
 * the runtime and the JDK.
 */
public final class MemoryOnlyUser implements Supplier<String> {

  /** Runs the cache; returns what it read and which events the listener heard. */
  @Override
  public String get() {
    List<String> heard = new ArrayList<>();
    try (Cache<String, String> cache = TestCaches.strings("plain", new ManualClock())
        .listener(event -> heard.add(event.operation() + ":" + event.result().tagValue()))
        .create()) {
      cache.put("a", "1", PutOptions.tags("t"));
      String read = cache.get("a").orElseThrow() + cache.getOrFetch("b", key -> "2");
      cache.invalidateTag("t");
      return read + " " + heard;
    }
  }
}
