package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hot set read in a burst survives a later scan, every time, whatever the scheduling of the pool
 * thread that replays reads: 50 keys read 10 times each, then 2,000 keys used once, in a cache of
 * 100, while two other threads keep the processors busy. LFU replays every read; ADAPTIVE, which
 * samples its recency under load, replays every promotion from probation, so the burst reaches the
 * protected list in every run.
 */
class BurstThroughScanTest {
  private static final int RUNS = 50;
  private static final int HOT = 50;

  @ParameterizedTest
  @EnumSource(value = EvictionPolicy.class, names = {"ADAPTIVE", "LFU"})
  void keepsTheHotSetInEveryRunOnBusyProcessors(EvictionPolicy policy) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> busy = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread spinner = new Thread(() -> {
        long spins = 0;
        while (!stop.get() && spins < 20_000_000_000L) { // bounded, in case the test dies before stopping it
          spins++;
        }
      }, "busy-" + i);
      spinner.setDaemon(true);
      spinner.start();
      busy.add(spinner);
    }
    List<Integer> kept = new ArrayList<>();
    try {
      for (int run = 0; run < RUNS; run++) {
        kept.add(hotKeysKept(policy));
      }
    } finally {
      stop.set(true);
      for (Thread spinner : busy) {
        spinner.join(10_000);
      }
    }

    assertThat(kept).as("hot keys kept in each of %d runs", RUNS).allMatch(count -> count >= 45);
  }

  private static int hotKeysKept(EvictionPolicy policy) {
    // the common pool replays reads, as in production
    MemoryBackend<String, String> cache = MemoryBackend.bounded(100, policy, new ManualClock(), (k, v, c) -> {});
    for (int i = 0; i < HOT; i++) {
      cache.put("hot" + i, "v", StoredEntry.NO_EXPIRY, Set.of());
    }
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < HOT; i++) {
        cache.get("hot" + i);
      }
    }
    for (int i = 0; i < 2_000; i++) {
      String key = "once" + i;
      if (cache.get(key) == null) {
        cache.put(key, "v", StoredEntry.NO_EXPIRY, Set.of());
      }
    }
    int kept = 0;
    for (int i = 0; i < HOT; i++) {
      kept += cache.get("hot" + i) != null ? 1 : 0;
    }
    return kept;
  }
}
