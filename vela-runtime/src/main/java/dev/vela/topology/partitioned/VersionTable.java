package dev.vela.topology.partitioned;

import dev.vela.topology.version.LastWriterWins;
import dev.vela.topology.version.Version;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The version of the latest write this node applied to each key it holds, and for a while, of
 * each removal (a tombstone), so that a copy older than what is here never replaces it, and a
 * late copy of a removed key does not bring it back. Callers hold the key's stripe lock around a
 * read and the write that depends on it.
 *
 * <p>Tombstones, and versions of keys the backend no longer holds (expired, evicted, flushed), are
 * forgotten once older than the tombstone lifetime; copies in flight arrive well within it.
 *
 * @param <K> the key type
 */
final class VersionTable<K> implements LastWriterWins.Versions<K> {
  /**
   * The version of one key's latest write, whether it removed the key, when it was noted here, and
   * whether a copy of that same write came back after this node began to hand the key over.
   */
  private record Noted(Version version, boolean removal, long notedAtMillis, boolean returned) {}

  private final Map<K, Noted> versions = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final long lifetimeMillis;
  private final AtomicLong nextPruneAt;

  VersionTable(InstantSource clock, Duration tombstoneLifetime) {
    this.clock = clock;
    this.lifetimeMillis = tombstoneLifetime.toMillis();
    this.nextPruneAt = new AtomicLong(clock.millis() + lifetimeMillis);
  }

  @Override
  public Version versionOf(K key) {
    Noted noted = versions.get(key);
    return noted == null ? null : noted.version();
  }

  /** True when the latest write of {@code key} known here removed it. */
  boolean isRemoved(K key) {
    Noted noted = versions.get(key);
    return noted != null && noted.removal();
  }

  @Override
  public void noteWrite(K key, Version version, boolean removal) {
    versions.put(key, new Noted(version, removal, clock.millis(), false));
  }

  /**
   * Notes that a copy of the write this node holds for {@code key} came back from another node (it
   * was handed there and that node left again): the handover that sent it must not remove it here.
   */
  void noteReturned(K key, Version version) {
    versions.compute(key, (k, noted) -> {
      if (noted == null) {
        return new Noted(version, false, clock.millis(), true);
      }
      return noted.version().equals(version) && !noted.removal()
          ? new Noted(version, false, noted.notedAtMillis(), true)
          : noted;
    });
  }

  /** A handover of {@code key} begins: a copy that comes back from now on counts as returned. */
  void noteHandoverStarted(K key) {
    versions.computeIfPresent(key, (k, noted) -> noted.returned()
        ? new Noted(noted.version(), noted.removal(), noted.notedAtMillis(), false)
        : noted);
  }

  /** True when a copy of {@code key}'s latest write came back since its handover began. */
  boolean isReturned(K key) {
    Noted noted = versions.get(key);
    return noted != null && noted.returned();
  }

  /** Forgets {@code key} when its latest write is still {@code version}: the key moved elsewhere. */
  void forget(K key, Version version) {
    versions.computeIfPresent(key, (k, noted) -> noted.version().equals(version) ? null : noted);
  }

  /** Every tombstone kept here: key and the version of its removal. */
  void forEachRemoval(BiConsumer<K, Version> action) {
    versions.forEach((key, noted) -> {
      if (noted.removal()) {
        action.accept(key, noted.version());
      }
    });
  }

  /**
   * Drops tombstones, and versions of keys that {@code held} says the backend no longer holds,
   * once they are older than the lifetime; runs at most once per lifetime, so callers may call it
   * on every write.
   */
  void pruneIfDue(Predicate<K> held) {
    long now = clock.millis();
    long due = nextPruneAt.get();
    if (now < due || !nextPruneAt.compareAndSet(due, now + lifetimeMillis)) {
      return;
    }
    long oldest = now - lifetimeMillis;
    versions.entrySet().removeIf(e -> e.getValue().notedAtMillis() < oldest && (e.getValue().removal() || !held.test(e.getKey())));
  }

  /** How many keys have a version here, tombstones included; for tests and inspect. */
  int size() {
    return versions.size();
  }
}
