package dev.vela.backend.disk;

import dev.vela.Cache;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.core.AsyncOperationsContract;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The asynchronous calls on a LOCAL DISK cache: every future complete when returned. */
class DiskAsyncOperationsTest extends AsyncOperationsContract {
  @TempDir
  Path dataDir;

  @Override
  protected Cache<String, Long> open(ManualClock clock) {
    return DiskTesting.builder(TestCodecs.string(), TypeCodec.of("java.lang.Long", Codecs.LONG), "async-disk", dataDir,
        clock).create();
  }

  @Override
  protected boolean waitsForNetwork() {
    return false;
  }
}
