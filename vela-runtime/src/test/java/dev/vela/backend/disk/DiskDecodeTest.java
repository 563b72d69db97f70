package dev.vela.backend.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.Cache;
import dev.vela.PutOptions;
import dev.vela.codec.TypeCodec;
import dev.vela.testing.ManualClock;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values written by an older shape of the value type: misses, counted, never wrong values. */
class DiskDecodeTest {
  private final ManualClock clock = new ManualClock();

  @TempDir Path dataDir;

  private Cache<String, String> openWithNewShape() {
    return DiskTesting.builder(
            TestCodecs.string(), TypeCodec.of("test.Renamed", TestCodecs.STRING_V2), "shapes", dataDir, clock)
        .create();
  }

  @Test
  void aValueOfAnOlderShapeIsAMissCountedAsADecodeError() {
    try (Cache<String, String> old = DiskTesting.strings("shapes", dataDir, clock).create()) {
      old.put("a", "old a");
      old.put("b", "old b", PutOptions.tags("t"));
    }

    try (Cache<String, String> cache = openWithNewShape()) {
      assertThat(cache.get("a")).isEmpty();
      assertThat(cache.get("a")).isEmpty();
      assertThat(cache.export()).isEmpty();
      assertThat(cache.stats().decodeErrors()).as("two reads of a, export of a and b").isEqualTo(4);
      assertThat(cache.stats().misses()).isEqualTo(2);

      cache.put("a", "new a");
      assertThat(cache.get("a")).contains("new a");
      assertThat(cache.invalidateTag("t")).as("tags are read without the value's codec").isEqualTo(1);
    }
  }
}
