package dev.vela.topology.replicated;

import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The version rule that makes copies converge, whatever order writes arrive in. */
class ReplicaStoreTest {
  private final ManualClock clock = new ManualClock();
  private final MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
  private final ReplicaStore<String, String> store = new ReplicaStore<>(backend, new ReplicaChangeFeed<>());

  private static Version v(long stamp, String node) {
    return new Version(stamp, node);
  }

  private static StoredEntry<String> entry(String value, String... tags) {
    return new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of(tags));
  }

  @Test
  void theLaterVersionWinsInEitherOrder() {
    ReplicaStore<String, String> other = new ReplicaStore<>(MemoryBackend.unbounded(clock, (key, value, cause) -> {}), new ReplicaChangeFeed<>());
    store.put("k", v(1, "a"), entry("first"));
    store.put("k", v(2, "a"), entry("second"));
    other.put("k", v(2, "a"), entry("second"));
    assertThat(other.put("k", v(1, "a"), entry("first"))).isFalse();

    assertThat(backend.get("k")).isEqualTo("second");
    assertThat(store.put("k", v(2, "b"), entry("tie goes to the larger node name"))).isTrue();
    assertThat(store.put("k", v(2, "a"), entry("stale"))).isFalse();
  }

  @Test
  void aRemovalKeepsALateOlderWriteOut() {
    assertThat(store.delete("k", v(5, "a"))).isFalse(); // nothing live yet, but the removal is remembered
    assertThat(store.put("k", v(4, "b"), entry("late"))).isFalse();
    assertThat(backend.get("k")).isNull();
    assertThat(store.put("k", v(6, "b"), entry("newer"))).isTrue();
    assertThat(store.delete("k", v(5, "c"))).isFalse();
    assertThat(backend.get("k")).isEqualTo("newer");
  }

  @Test
  void flushRemovesOlderEntriesAndRefusesOlderLateWrites() {
    store.put("old", v(1, "a"), entry("x"));
    store.put("new", v(10, "a"), entry("y"));

    assertThat(store.flush(v(5, "b"))).isEqualTo(1);
    assertThat(backend.get("new")).isEqualTo("y");
    assertThat(store.put("late", v(3, "c"), entry("z"))).isFalse();
    assertThat(store.put("later", v(6, "c"), entry("z"))).isTrue();
  }

  @Test
  void invalidateTagRemovesOlderTaggedEntriesAndRefusesOlderLateWritesOfTheTag() {
    store.put("tagged", v(1, "a"), entry("x", "t"));
    store.put("untagged", v(1, "a"), entry("x"));
    store.put("tagged-later", v(9, "a"), entry("x", "t"));

    assertThat(store.invalidateTag("t", v(5, "b"))).isEqualTo(1);
    assertThat(backend.get("tagged-later")).isEqualTo("x");
    assertThat(backend.get("untagged")).isEqualTo("x");
    assertThat(store.put("late", v(3, "c"), entry("z", "t"))).isFalse();
    assertThat(store.put("tagged", v(3, "c"), entry("untagged now"))).isTrue();
  }

  @Test
  void putAllStoresOnlyTheKeysNoLaterWriteOvertook() {
    store.put("b", v(9, "a"), entry("newer"));
    store.putAll(Map.of("a", entry("1"), "b", entry("2")), v(5, "b"));
    assertThat(backend.get("a")).isEqualTo("1");
    assertThat(backend.get("b")).isEqualTo("newer");
  }

  @Test
  void aSnapshotCarriesEntriesAndRemovalsInBoundedBatches() {
    for (int i = 0; i < 25; i++) {
      store.put("k" + i, v(i + 1, "a"), entry("v" + i));
    }
    store.delete("k3", v(100, "a"));
    List<Map<String, Versioned<String>>> batches = new ArrayList<>();
    store.snapshot(10, batch -> batches.add(Map.copyOf(batch)));

    assertThat(batches).hasSize(3);
    assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(10));
    Versioned<String> removed = batches.stream().filter(b -> b.containsKey("k3")).findFirst().orElseThrow().get("k3");
    assertThat(removed.entry()).isNull();
    assertThat(removed.version()).isEqualTo(v(100, "a"));

    ReplicaStore<String, String> copy = new ReplicaStore<>(MemoryBackend.unbounded(clock, (key, value, cause) -> {}), new ReplicaChangeFeed<>());
    copy.put("k3", v(50, "b"), entry("in between"));
    batches.forEach(batch -> batch.forEach(copy::apply));
    assertThat(copy.versionCount()).isEqualTo(25);
  }

  @Test
  void oldVersionsOfRemovedKeysArePrunedOnlyWhenTheyPileUp() {
    store.put("live", v(1, "a"), entry("x"));
    for (int i = 0; i < 20; i++) {
      store.delete("gone" + i, v(10 + i, "a"));
    }
    assertThat(store.pruneRemovedBefore(100, 50)).as("not piled up yet").isZero();
    assertThat(store.pruneRemovedBefore(15, 5)).as("only those older than the stamp").isEqualTo(5);
    assertThat(store.pruneRemovedBefore(100, 5)).as("just pruned: not again at once").isZero();
    assertThat(backend.get("live")).isEqualTo("x");
    assertThat(store.versionCount()).isEqualTo(16);
  }
}
