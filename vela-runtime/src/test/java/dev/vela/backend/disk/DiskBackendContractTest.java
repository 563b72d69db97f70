package dev.vela.backend.disk;

import dev.vela.backend.BackendContractTest;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.RemovalListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

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
