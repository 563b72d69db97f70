package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An unbounded map that so far holds only bare values reads them without looking at their type;
 * these check that the first node stored (with an expiry, tags, or a pending putAll) is still seen.
 */
class PlainValuesTest {
  private final ManualClock clock = new ManualClock();
  private final MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});

  @Test
  void theFirstEntryWithAnExpiryStillExpires() {
    backend.put("plain", "p", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(backend.get("plain")).isEqualTo("p");

    backend.put("plain", "e", clock.millis() + 1_000, Set.of());
    assertThat(backend.get("plain")).isEqualTo("e");
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.get("plain")).isNull();
  }

  @Test
  void theFirstTaggedEntryIsReadAsItsValueAndInvalidatedByItsTag() {
    backend.put("plain", "p", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("plain", "tagged", StoredEntry.NO_EXPIRY, Set.of("t"));

    assertThat(backend.get("plain")).isEqualTo("tagged");
    assertThat(backend.invalidateTag("t")).isEqualTo(1);
    assertThat(backend.get("plain")).isNull();
    assertThat(backend.tagIndexSnapshot()).isEmpty();
  }

  @Test
  void aPlainValueOverATaggedOneLeavesTheTagIndex() {
    backend.put("k", "tagged", StoredEntry.NO_EXPIRY, Set.of("t"));
    backend.put("k", "plain", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(backend.tagIndexSnapshot()).isEmpty();
    assertThat(backend.get("k")).isEqualTo("plain");
  }

  @Test
  void aPutAllOverPlainValuesIsReadAsItsNewValues() {
    backend.put("a", "old", StoredEntry.NO_EXPIRY, Set.of());
    Map<String, StoredEntry<String>> batch = new LinkedHashMap<>();
    batch.put("a", new StoredEntry<>("new a", StoredEntry.NO_EXPIRY, Set.of()));
    batch.put("b", new StoredEntry<>("new b", StoredEntry.NO_EXPIRY, Set.of()));

    backend.putAll(batch);

    assertThat(backend.get("a")).isEqualTo("new a");
    assertThat(backend.get("b")).isEqualTo("new b");
  }
}
