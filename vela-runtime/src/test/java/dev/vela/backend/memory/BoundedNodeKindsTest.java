package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A bounded entry that never expires is held in a node without an expiry field; an overwrite that
 * gives it an expiry, or takes one away, still ends with the right expiry and an exact order.
 */
class BoundedNodeKindsTest {
  private final ManualClock clock = new ManualClock();
  private final List<String> removed = new ArrayList<>();
  private final MemoryBackend<String, String> backend =
      MemoryBackend.bounded(2, EvictionPolicy.LRU, clock, (key, value, cause) -> removed.add(key + ":" + cause), Runnable::run);

  private long inSeconds(long seconds) {
    return clock.millis() + Duration.ofSeconds(seconds).toMillis();
  }

  @Test
  void eachEntryGetsTheSmallestNodeThatHoldsIt() {
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, null).getClass()).isEqualTo(LinkedNode.class);
    assertThat(LinkedNode.of("k", "v", inSeconds(5), null).getClass()).isEqualTo(TimedLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, Set.of("t")).getClass()).isEqualTo(TaggedLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, null).expiresAt()).isEqualTo(Node.NO_EXPIRY);
  }

  @Test
  void anOverwriteThatAddsAnExpiryMakesTheEntryExpire() {
    backend.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());

    backend.put("a", "2", inSeconds(10), Set.of());

    assertThat(backend.entry("a").expiresAtMillis()).isEqualTo(inSeconds(10));
    assertThat(backend.get("a")).isEqualTo("2");
    clock.advance(Duration.ofSeconds(11));
    assertThat(backend.get("a")).isNull();
    assertThat(backend.details()).containsEntry("memory.tracked", "0");
  }

  @Test
  void anOverwriteThatDropsTheExpiryKeepsTheEntry() {
    backend.put("a", "1", inSeconds(10), Set.of());

    backend.put("a", "2", StoredEntry.NO_EXPIRY, Set.of());

    clock.advance(Duration.ofSeconds(11));
    assertThat(backend.get("a")).isEqualTo("2");
    assertThat(backend.entry("a").expiresAtMillis()).isEqualTo(StoredEntry.NO_EXPIRY);
  }

  @Test
  void aReplacedNodeKeepsItsPlaceInTheOrderAndTheLimitHolds() {
    backend.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("b", "1", StoredEntry.NO_EXPIRY, Set.of());
    backend.put("a", "2", inSeconds(60), Set.of()); // a new node, which counts as a use of a

    backend.put("c", "1", StoredEntry.NO_EXPIRY, Set.of());

    assertThat(removed).containsExactly("b:EVICTED");
    assertThat(backend.get("a")).isEqualTo("2");
    assertThat(backend.size()).isEqualTo(2);
    assertThat(backend.details()).containsEntry("memory.tracked", "2");
  }
}
