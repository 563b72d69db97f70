package dev.vela.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The recorded access traces kept beside the repository, in {@code ../shared/traces} from its root
 * (see the README there), for tests that replay them. They are never copied into the project. The
 * system property {@code vela.traces} names another directory.
 */
public final class SharedTraces {
  private SharedTraces() {}

  /** The traces directory: the property's, else the first {@code shared/traces} above the working directory. */
  public static Optional<Path> directory() {
    String configured = System.getProperty("vela.traces");
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("traces");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The keys of a LIRS text trace ({@code lirs-*.trace.gz}): one block number a line; blank lines
   * and {@code *} checkpoint marks are skipped.
   */
  public static long[] lirs(Path file) throws IOException {
    long[] keys = new long[1 << 12];
    int count = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.ISO_8859_1))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.equals("*")) {
          continue;
        }
        if (count == keys.length) {
          keys = Arrays.copyOf(keys, 2 * count);
        }
        keys[count++] = Long.parseLong(trimmed);
      }
    }
    return Arrays.copyOf(keys, count);
  }
}
