package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vela.backend.BackendContractTest;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.RemovalCause;
import dev.vela.backend.RemovalListener;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.testing.Concurrently;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backend contract, run against the disk backend with its default {@code fsync}; {@link
 * DiskCrashTest} checks durability under both settings.
 */
class DiskBackendContractTest extends BackendContractTest {
  private Path dataDir;

  @Override
  protected CacheBackend<String, String> create(InstantSource clock, RemovalListener<String, String> listener) {
    try {
      dataDir = Files.createTempDirectory("vela-disk-contract");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var builder = DiskTesting.strings("contract", dataDir, clock);
    return DiskBackend.open(DiskTesting.context(builder, clock, listener, error -> {
      throw new AssertionError("no value should fail to decode", error);
    }));
  }

  @Test
  void aConditionalWriteAppliesOnlyWhenItsConditionHolds() {
    WriteResult<String> absent =
        backend.write("k", WriteCondition.absent(), EntryUpdate.put("1", in(Duration.ofMinutes(1)), Set.of("t")));
    assertThat(absent).isEqualTo(new WriteResult<String>(true, null));

    WriteResult<String> again =
        backend.write("k", WriteCondition.absent(), EntryUpdate.put("2", StoredEntry.NO_EXPIRY, Set.of()));
    StoredEntry<String> first = new StoredEntry<>("1", in(Duration.ofMinutes(1)), Set.of("t"));
    assertThat(again).isEqualTo(new WriteResult<>(false, first));

    WriteResult<String> wrongValue = backend.write("k", WriteCondition.valueEquals("9"), EntryUpdate.delete());
    assertThat(wrongValue.applied()).isFalse();
    assertThat(backend.get("k")).isEqualTo("1");

    WriteResult<String> keepingExpiryAndTags = backend.write("k", WriteCondition.valueEquals("1"),
        new EntryUpdate.Put<>("3", StoredEntry.NO_EXPIRY, Set.of(), true, true));
    assertThat(keepingExpiryAndTags).isEqualTo(new WriteResult<>(true, first));
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("3", in(Duration.ofMinutes(1)), Set.of("t")));

    assertThat(backend.write("k", WriteCondition.present(), new EntryUpdate.Expire<>(StoredEntry.NO_EXPIRY)).applied())
        .isTrue();
    assertThat(backend.entry("k").neverExpires()).isTrue();
    assertThat(backend.invalidateTag("t")).isEqualTo(1); // the kept tag is indexed

    assertThat(backend.write("k", WriteCondition.present(), EntryUpdate.delete()).applied()).isFalse();
    assertThat(backend.write("gone", WriteCondition.always(), EntryUpdate.delete()))
        .isEqualTo(new WriteResult<String>(true, null));
  }

  @Test
  void aConditionalWriteTreatsAnExpiredEntryAsAbsentAndRemovesIt() {
    backend.put("k", "old", in(Duration.ofSeconds(1)), Set.of());
    clock.advance(Duration.ofSeconds(1));

    assertThat(backend.write("k", WriteCondition.present(), EntryUpdate.delete()))
        .isEqualTo(new WriteResult<String>(false, null));
    assertThat(backend.heldEntries()).isZero();
    assertThat(removals).extracting(Removal::key, Removal::value, Removal::cause)
        .containsExactly(tuple("k", "old", RemovalCause.EXPIRED));
  }

  @Test
  void conditionalWritesAreAtomicUnderContention() throws Exception {
    put("counter", "0");
    int threads = 4;
    int incrementsEach = 200;
    AtomicInteger attempts = new AtomicInteger();
    Concurrently.run(threads, Duration.ofSeconds(60), thread -> {
      for (int done = 0; done < incrementsEach; ) {
        attempts.incrementAndGet();
        String seen = backend.get("counter");
        String next = Integer.toString(Integer.parseInt(seen) + 1);
        EntryUpdate<String> increment = EntryUpdate.put(next, StoredEntry.NO_EXPIRY, Set.of());
        if (backend.write("counter", WriteCondition.valueEquals(seen), increment).applied()) {
          done++;
        }
      }
    });
    assertThat(backend.get("counter")).isEqualTo(Integer.toString(threads * incrementsEach));
    assertThat(attempts.get()).isGreaterThanOrEqualTo(threads * incrementsEach);
  }

  @Test
  void conditionalWritesSurviveAReopen() {
    backend.write("k", WriteCondition.absent(), EntryUpdate.put("1", StoredEntry.NO_EXPIRY, Set.of("t")));
    backend.write("k", WriteCondition.valueEquals("1"), EntryUpdate.put("2", StoredEntry.NO_EXPIRY, Set.of("t")));
    backend.close();
    backend = reopen();
    assertThat(backend.entry("k")).isEqualTo(new StoredEntry<>("2", StoredEntry.NO_EXPIRY, Set.of("t")));
  }

  private CacheBackend<String, String> reopen() {
    var builder = DiskTesting.strings("contract", dataDir, clock);
    return DiskBackend.open(DiskTesting.context(builder, clock, (key, value, cause) -> { }, error -> {
      throw new AssertionError("no value should fail to decode", error);
    }));
  }

  @AfterEach
  void deleteStore() throws IOException {
    backend.close(); // idempotent; the suite closes it too
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
