package dev.vela.cluster.faults;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One cluster node in its own JVM for the fault tests, driven by line commands on stdin; each
 * command gets one line on stdout starting with {@code ok} or {@code err}. Arguments: the cache's
 * topology and options as {@code name=value} pairs (the option catalogue's names), plus
 * {@code near=true} for a near cache and {@code l1Ttl=10m} for its L1 time to live.
 *
 * <p>Commands: {@code put K V}, {@code get K} ("-" for none), {@code delete K},
 * {@code putRange FROM TO PREFIX} (keys kFROM..kTO-1, values PREFIX+N), {@code missing FROM TO PREFIX}
 * (how many of those keys do not read PREFIX+N), {@code count FROM TO PREFIX} (how many do),
 * {@code absent FROM TO} (how many of keys kFROM..kTO-1 read as absent), {@code await K V} (reads until K reads V, at most
 * 10 s; answers with the microseconds it took, or err), {@code awaitAbsent K} (the same until K is
 * absent), {@code members}, {@code detail NAME} (an {@code inspect()} detail).
 */
public final class FaultNodeMain {
  private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Between reads while awaiting a value: fine enough to measure milliseconds, light on the CPU. */
  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  private FaultNodeMain() {}

  /** Starts the node and answers commands until stdin closes. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // only answers go to stdout
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    boolean near = Boolean.parseBoolean(options.remove("near"));
    String l1Ttl = options.remove("l1Ttl");
    CacheBuilder<String, String, Cache<String, String>> builder = new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "faults", Backend.MEMORY,
            Topology.valueOf(args[0]), c -> c)
        .sweepInterval(Durations.INFINITE)
        .stampedeProtection(false)
        .nearCache(near);
    if (l1Ttl != null) {
      builder.nearCacheL1Ttl(Durations.parse(l1Ttl));
    }
    options.forEach(builder::option);
    Cache<String, String> cache;
    try {
      cache = builder.create();
    } catch (RuntimeException e) {
      out.println("err " + e.toString().replace('\n', ' '));
      return;
    }
    out.println("ok started " + cache.inspect().node());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] word = line.trim().split(" ");
      try {
        out.println("ok " + answer(cache, word));
      } catch (RuntimeException e) {
        out.println("err " + e.toString().replace('\n', ' '));
      }
    }
    cache.close();
  }

  private static String answer(Cache<String, String> cache, String[] word) {
    switch (word[0]) {
      case "put" -> {
        cache.put(word[1], word[2]);
        return "";
      }
      case "get" -> {
        return cache.get(word[1]).orElse("-");
      }
      case "delete" -> {
        cache.delete(word[1]);
        return "";
      }
      case "putRange" -> {
        for (int n = Integer.parseInt(word[1]); n < Integer.parseInt(word[2]); n++) {
          cache.put("k" + n, word[3] + n);
        }
        return "";
      }
      case "missing" -> {
        int missing = 0;
        for (int n = Integer.parseInt(word[1]); n < Integer.parseInt(word[2]); n++) {
          if (!(word[3] + n).equals(cache.get("k" + n).orElse(null))) {
            missing++;
          }
        }
        return Integer.toString(missing);
      }
      case "count", "absent" -> {
        int count = 0;
        for (int n = Integer.parseInt(word[1]); n < Integer.parseInt(word[2]); n++) {
          String value = cache.get("k" + n).orElse(null);
          count += word[0].equals("absent") ? (value == null ? 1 : 0) : ((word[3] + n).equals(value) ? 1 : 0);
        }
        return Integer.toString(count);
      }
      case "await", "awaitAbsent" -> {
        String expected = word[0].equals("await") ? word[2] : null;
        long start = System.nanoTime();
        while (!java.util.Objects.equals(cache.get(word[1]).orElse(null), expected)) {
          if (System.nanoTime() - start > AWAIT_NANOS) {
            throw new IllegalStateException(word[1] + " still reads " + cache.get(word[1]).orElse("-") + " after 10 s");
          }
          LockSupport.parkNanos(POLL_NANOS); // polls with a deadline: the other node gives no signal
        }
        return Long.toString(Duration.ofNanos(System.nanoTime() - start).toNanos() / 1_000);
      }
      case "members" -> {
        return cache.inspect().details().get("topology.members");
      }
      case "detail" -> {
        return String.valueOf(cache.inspect().details().get(word[1]));
      }
      default -> throw new IllegalArgumentException("unknown command " + word[0]);
    }
  }
}
