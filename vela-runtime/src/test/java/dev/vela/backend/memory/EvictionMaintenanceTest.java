package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import dev.vela.backend.StoredEntry;
import dev.vela.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Reads that fill the buffer hand their replay to the maintenance executor, once at a time; a read
 * that finds its stripe still full replays the stripe itself.
 */
class EvictionMaintenanceTest {
  private final List<Runnable> replays = new ArrayList<>();

  private MemoryBackend<String, String> bounded(Executor maintenance) {
    MemoryBackend<String, String> backend =
        MemoryBackend.bounded(3, EvictionPolicy.LRU, new ManualClock(), (key, value, cause) -> {}, maintenance);
    backend.put("a", "v-a", StoredEntry.NO_EXPIRY, Set.of());
    return backend;
  }

  private static void read(MemoryBackend<String, String> backend, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(backend.get("a")).isEqualTo("v-a");
    }
  }

  @Test
  void aFullStripeAsksForOneReplayUntilItHasRun() {
    MemoryBackend<String, String> backend = bounded(replays::add);

    read(backend, ReadBuffer.STRIPE_CAPACITY - 1);
    assertThat(replays).as("the stripe has room").isEmpty();
    read(backend, 1);
    assertThat(replays).as("the read that filled the stripe").hasSize(1);
    read(backend, 2 * ReadBuffer.STRIPE_CAPACITY);
    assertThat(replays).as("reads replay a full stripe themselves while the replay is pending").hasSize(1);

    replays.get(0).run();
    read(backend, ReadBuffer.STRIPE_CAPACITY);

    assertThat(replays).as("the replay emptied the stripe and may be asked for again").hasSize(2);
  }

  @Test
  void aRejectedReplayIsAskedForAgainByTheNextRead() {
    List<Runnable> rejected = new ArrayList<>();
    MemoryBackend<String, String> backend = bounded(task -> {
      if (rejected.isEmpty()) {
        rejected.add(task);
        throw new RejectedExecutionException("shutting down");
      }
      replays.add(task);
    });

    read(backend, ReadBuffer.STRIPE_CAPACITY);
    assertThat(rejected).hasSize(1);
    assertThat(replays).isEmpty();
    read(backend, 1); // finds the stripe full: replays it here
    read(backend, ReadBuffer.STRIPE_CAPACITY);

    assertThat(replays).as("asked again when the stripe fills again, not left pending").hasSize(1);
  }
}
