package dev.vela.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The recorded access traces beside the repository ({@code ../shared/traces} from its root, or the
 * directory the system property {@code vela.traces} names), each with the cache sizes its README
 * measures, and their parsing by the README's rules. The files are read where they lie, never
 * copied into the project.
 */
final class Traces {
  private Traces() {}

  /** How a trace file stores its keys. */
  enum Format {
    /** One decimal key a line; blank lines and {@code *} marks skipped. */
    LIRS_TEXT,
    /** {@code startBlock blockCount x x} a line, expanding to {@code blockCount} keys. */
    ARC_TEXT,
    /** Big-endian 4-byte keys. */
    INT32,
    /** Big-endian 8-byte keys. */
    INT64
  }

  /** A trace file, its format, and the cache sizes to replay it at. */
  record Trace(String name, String file, Format format, long... sizes) {}

  /** Every trace of the shared README, at the sizes of its reference table. */
  static final List<Trace> ALL = List.of(
      new Trace("arc-OLTP", "arc-OLTP.lis.gz", Format.ARC_TEXT, 250, 500, 1_000, 2_000, 8_192, 32_768),
      new Trace("cache2k-orm-busy", "cache2k-orm-busy.trace.xz", Format.INT32, 1_024, 4_096, 16_384),
      new Trace("cache2k-web12", "cache2k-web12.trace.xz", Format.INT32, 1_024, 4_096, 16_384),
      new Trace("scarab-recs", "scarab-recs.trace.xz", Format.INT64, 16_384, 65_536, 100_000),
      new Trace("corda-vaultservice", "corda-vaultservice.trace.gz", Format.INT64, 512, 1_024, 8_192),
      new Trace("lirs-gli", "lirs-gli.trace.gz", Format.LIRS_TEXT, 250, 500, 1_000, 1_500, 2_000),
      new Trace("lirs-multi3", "lirs-multi3.trace.gz", Format.LIRS_TEXT, 500, 1_000, 2_000),
      new Trace("lirs-sprite", "lirs-sprite.trace.gz", Format.LIRS_TEXT, 250, 1_000, 2_000));

  /** The traces directory: the property's, else the first {@code shared/traces} above the working directory. */
  static Path directory() {
    String configured = System.getProperty("vela.traces");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("traces");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/traces directory above " + Path.of("").toAbsolutePath()
        + "; run from the repository, or pass -Dvela.traces=<dir>");
  }

  /** The keys of {@code trace}, in request order. */
  static long[] keys(Path dir, Trace trace) throws IOException {
    Path file = dir.resolve(trace.file());
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = new BufferedInputStream(
            trace.file().endsWith(".xz") ? new XZInputStream(raw) : new GZIPInputStream(raw, 1 << 16), 1 << 16)) {
      return switch (trace.format()) {
        case LIRS_TEXT, ARC_TEXT -> text(in, trace.format());
        case INT32, INT64 -> binary(new DataInputStream(in), trace.format() == Format.INT64);
      };
    }
  }

  private static long[] text(InputStream in, Format format) throws IOException {
    Keys keys = new Keys();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    String line;
    while ((line = reader.readLine()) != null) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.equals("*")) {
        continue;
      }
      if (format == Format.LIRS_TEXT) {
        keys.add(Long.parseLong(trimmed));
      } else {
        String[] fields = trimmed.split(" ");
        long start = Long.parseLong(fields[0]);
        long count = Long.parseLong(fields[1]);
        for (long block = 0; block < count; block++) {
          keys.add(start + block);
        }
      }
    }
    return keys.toArray();
  }

  private static long[] binary(DataInputStream in, boolean wide) throws IOException {
    Keys keys = new Keys();
    try {
      while (true) {
        keys.add(wide ? in.readLong() : in.readInt());
      }
    } catch (EOFException end) {
      return keys.toArray();
    }
  }

  /** A growing array of keys. */
  private static final class Keys {
    private long[] keys = new long[1 << 16];
    private int count;

    void add(long key) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, 2 * count);
      }
      keys[count++] = key;
    }

    long[] toArray() {
      return Arrays.copyOf(keys, count);
    }
  }
}
