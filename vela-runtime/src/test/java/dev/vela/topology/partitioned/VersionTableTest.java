package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.testing.ManualClock;
import dev.vela.topology.version.Version;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Versions decide which copy of a key wins, tombstones hold off late copies, and both are forgotten in time. */
class VersionTableTest {
  private static final Duration LIFETIME = Duration.ofMinutes(2);
  private final ManualClock time = new ManualClock();
  private final VersionTable<String> table = new VersionTable<>(time, LIFETIME);

  @Test
  void onlyALaterVersionIsNewer() {
    table.noteWrite("k", new Version(10, "a"), false);
    assertThat(table.isNewer("k", new Version(9, "b"))).isFalse();
    assertThat(table.isNewer("k", new Version(10, "a"))).isFalse();
    assertThat(table.isNewer("k", new Version(10, "b"))).as("ties go to the node name").isTrue();
    assertThat(table.isNewer("other", new Version(0, "a"))).isTrue();
  }

  @Test
  void aRemovalStaysUntilItsLifetimeHasPassed() {
    table.noteWrite("gone", new Version(5, "a"), true);
    table.pruneIfDue(key -> false);
    assertThat(table.isRemoved("gone")).isTrue();
    assertThat(table.isNewer("gone", new Version(4, "b"))).as("a late older copy stays out").isFalse();

    time.advance(LIFETIME.plusSeconds(1));
    table.pruneIfDue(key -> false);
    assertThat(table.isRemoved("gone")).isFalse();
    assertThat(table.size()).isZero();
  }

  @Test
  void versionsOfHeldKeysAreKeptAndThoseOfVanishedKeysForgotten() {
    table.noteWrite("held", new Version(1, "a"), false);
    table.noteWrite("evicted", new Version(2, "a"), false);
    time.advance(LIFETIME.plusSeconds(1));
    table.pruneIfDue("held"::equals);
    assertThat(table.versionOf("held")).isEqualTo(new Version(1, "a"));
    assertThat(table.versionOf("evicted")).isNull();
  }

  @Test
  void aKeyThatMovedIsForgottenOnlyIfNotWrittenSince() {
    table.noteWrite("k", new Version(3, "a"), false);
    table.forget("k", new Version(2, "a"));
    assertThat(table.versionOf("k")).isEqualTo(new Version(3, "a"));
    table.forget("k", new Version(3, "a"));
    assertThat(table.versionOf("k")).isNull();
  }
}
