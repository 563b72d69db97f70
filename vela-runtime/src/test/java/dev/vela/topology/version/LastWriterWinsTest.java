package dev.vela.topology.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.testing.ManualClock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one versioned apply rule both clustered topologies use: later versions win, removals leave tombstones. */
class LastWriterWinsTest {
  private final ManualClock clock = new ManualClock();
  private final MemoryBackend<String, String> backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
  private final Map<String, Version> versions = new HashMap<>();
  private final Map<String, Boolean> removals = new HashMap<>();
  private final LastWriterWins<String, String> rule = new LastWriterWins<>(backend, new LastWriterWins.Versions<>() {
    @Override
    public Version versionOf(String key) {
      return versions.get(key);
    }

    @Override
    public void noteWrite(String key, Version version, boolean removal) {
      versions.put(key, version);
      removals.put(key, removal);
    }
  });

  private static Versioned<String> put(long stamp, String node, String value) {
    return new Versioned<>(new Version(stamp, node), new StoredEntry<>(value, StoredEntry.NO_EXPIRY, Set.of()));
  }

  private static Versioned<String> removal(long stamp, String node) {
    return new Versioned<>(new Version(stamp, node), null);
  }

  @Test
  void theLaterVersionWinsWhateverTheOrder() {
    assertThat(rule.apply("k", put(2, "a", "second"))).isTrue();
    assertThat(rule.apply("k", put(1, "a", "first"))).as("an older write arriving late").isFalse();
    assertThat(rule.apply("k", put(2, "a", "again"))).as("the same write twice").isFalse();
    assertThat(backend.get("k")).isEqualTo("second");

    assertThat(rule.apply("k", put(2, "b", "tie"))).as("ties go to the larger node name").isTrue();
    assertThat(backend.get("k")).isEqualTo("tie");
    assertThat(versions.get("k")).isEqualTo(new Version(2, "b"));
  }

  @Test
  void aRemovalLeavesATombstoneThatKeepsOlderWritesOut() {
    rule.apply("k", put(1, "a", "value"));
    assertThat(rule.apply("k", removal(3, "a"))).isTrue();
    assertThat(backend.get("k")).isNull();
    assertThat(removals.get("k")).isTrue();
    assertThat(versions.get("k")).isEqualTo(new Version(3, "a"));

    assertThat(rule.apply("k", put(2, "b", "late"))).isFalse();
    assertThat(backend.get("k")).as("a late older write does not bring the key back").isNull();
    assertThat(rule.apply("k", put(4, "b", "newer"))).isTrue();
    assertThat(backend.get("k")).isEqualTo("newer");
  }

  @Test
  void storeAppliesWithoutComparingAndSaysWhetherARemovalRemovedALiveEntry() {
    rule.apply("k", put(5, "a", "value"));
    assertThat(rule.store("k", removal(1, "a"))).as("a live entry went").isTrue();
    assertThat(rule.store("k", removal(2, "a"))).as("nothing left to remove").isFalse();
    assertThat(versions.get("k")).isEqualTo(new Version(2, "a"));
    assertThat(rule.store("absent", put(1, "a", "stored"))).isTrue();
    assertThat(backend.get("absent")).isEqualTo("stored");
  }

  @Test
  void storeAllNotesOneVersionForEveryEntry() {
    Map<String, StoredEntry<String>> entries = new LinkedHashMap<>();
    entries.put("x", new StoredEntry<>("1", StoredEntry.NO_EXPIRY, Set.of()));
    entries.put("y", new StoredEntry<>("2", StoredEntry.NO_EXPIRY, Set.of()));
    rule.storeAll(entries, new Version(7, "a"));

    assertThat(backend.get("x")).isEqualTo("1");
    assertThat(backend.get("y")).isEqualTo("2");
    assertThat(versions).containsEntry("x", new Version(7, "a")).containsEntry("y", new Version(7, "a"));
    assertThat(rule.isNewer("x", new Version(7, "a"))).isFalse();
    assertThat(rule.isNewer("x", new Version(8, "a"))).isTrue();
    assertThat(rule.isNewer("unknown", new Version(0, "a"))).isTrue();
  }
}
