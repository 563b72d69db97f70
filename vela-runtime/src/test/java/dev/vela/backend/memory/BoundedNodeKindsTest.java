package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A bounded entry is held in a node with only the fields it needs (expiry, tags, weight); an
 * overwrite that gives it an expiry, or takes one away, still ends with the right expiry, weight
 * and an exact order.
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
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, null, false).getClass()).isEqualTo(LinkedNode.class);
    assertThat(LinkedNode.of("k", "v", inSeconds(5), null, false).getClass()).isEqualTo(TimedLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, Set.of("t"), false).getClass()).isEqualTo(FullLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, null, false).expiresAt()).isEqualTo(Node.NO_EXPIRY);
    // bounded by weight: every kind has a weight field
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, null, true).getClass()).isEqualTo(WeighedLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", inSeconds(5), null, true).getClass()).isEqualTo(FullLinkedNode.class);
    assertThat(LinkedNode.of("k", "v", Node.NO_EXPIRY, Set.of("t"), true).getClass()).isEqualTo(FullLinkedNode.class);
  }

  @Test
  void aNodeOfACacheBoundedBySizeRefusesAnyWeightButOne() {
    LinkedNode<String, String> node = LinkedNode.of("k", "v", Node.NO_EXPIRY, null, false);
    node.setWeight(1);

    assertThat(node.weight()).isEqualTo(1);
    assertThatThrownBy(() -> node.setWeight(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("weighs 1");
  }

  @Test
  void aWeighedEntryKeepsItsWeightThroughEveryKindOfOverwrite() {
    Map<String, Integer> weights = new HashMap<>(Map.of("a1", 3, "a2", 4, "a3", 5, "a4", 6, "b", 2));
    MemoryBackend<String, String> weighted = MemoryBackend.weighted(10, (key, value) -> weights.get(value),
        EvictionPolicy.ADAPTIVE, clock, (key, value, cause) -> removed.add(key + ":" + cause), Runnable::run);
    weighted.put("a", "a1", StoredEntry.NO_EXPIRY, Set.of());
    weighted.put("b", "b", StoredEntry.NO_EXPIRY, Set.of());

    weighted.put("a", "a2", inSeconds(60), Set.of()); // a new node with an expiry takes a's place
    assertThat(weighted.details()).containsEntry("memory.weight", "6").containsEntry("memory.tracked", "2");
    weighted.put("a", "a3", inSeconds(60), Set.of("t")); // in place: the node has every field
    assertThat(weighted.details()).containsEntry("memory.weight", "7");
    assertThat(weighted.tagIndexSnapshot()).containsEntry("t", Set.of("a"));
    weighted.put("a", "a4", StoredEntry.NO_EXPIRY, Set.of()); // in place again, the tag gone
    assertThat(weighted.details()).containsEntry("memory.weight", "8").containsEntry("memory.tracked", "2");
    assertThat(weighted.tagIndexSnapshot()).doesNotContainKey("t");
    assertThat(weighted.entry("a").expiresAtMillis()).isEqualTo(StoredEntry.NO_EXPIRY);

    weighted.delete("a");
    assertThat(weighted.details()).containsEntry("memory.weight", "2").containsEntry("memory.tracked", "1");
    assertThat(removed).isEmpty();
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
