package dev.vela.topology.faults;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One node of a PARTITIONED cache with one backup, in its own JVM, that puts load on the cache
 * itself. Arguments: port, initialHosts, cluster name, node number, and optionally the
 * failureTimeout (default 10s). Each of its {@value #WORKERS}
 * workers writes only its own {@value #KEYS_PER_WORKER} keys ({@code n<node>w<worker>k<i>}), so
 * the last acknowledged write of a key is well defined, and reports each write on stdout as it
 * begins and as it ends:
 *
 * <pre>
 * B w put key value          a put begins         B w del key   a delete begins
 * A w millis                 it was acknowledged
 * F w kind error millis      it (or a get, kind "get") failed
 * S w key expected got millis a get did not read the worker's own last acknowledged write
 * </pre>
 *
 * <p>Commands on stdin, each answered by one line starting with {@code ok} or {@code err}:
 * {@code load} (start the workers), {@code stop} (stop them; answers with the gets done),
 * {@code members} (how many members this node sees), {@code read PREFIX COUNT} (the values of keys
 * {@code PREFIX0..PREFIX<COUNT-1>}, "-" for none, joined by "|").
 */
public final class FaultNodeMain {
  static final int WORKERS = 2;
  static final int KEYS_PER_WORKER = 150;
  /** Each worker's pace: steady load that leaves the shared machine some room. */
  private static final long OP_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

  private FaultNodeMain() {}

  /** Starts the node and answers commands until stdin closes. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // only answers and events go to stdout
    int node = Integer.parseInt(args[3]);
    Cache<String, String> cache = new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "faults", Backend.MEMORY, Topology.PARTITIONED,
            c -> c)
        .sweepInterval(Durations.INFINITE)
        .stampedeProtection(false)
        .option("cluster", args[2])
        .option("port", args[0])
        .option("initialHosts", args[1])
        .option("joinTimeout", "500ms")
        .option("rpcTimeout", "3s")
        .option("failureTimeout", args.length > 4 ? args[4] : "10s")
        .option("backups", "1")
        .create();
    out.println("ok started " + cache.inspect().node());
    AtomicBoolean running = new AtomicBoolean();
    AtomicLong gets = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] word = line.trim().split(" ");
      switch (word[0]) {
        case "load" -> {
          running.set(true);
          for (int w = 0; w < WORKERS; w++) {
            Worker worker = new Worker(cache, out, node, w, running, gets);
            Thread thread = new Thread(worker::run, "load-" + w);
            thread.start();
            workers.add(thread);
          }
          out.println("ok loading");
        }
        case "stop" -> {
          running.set(false);
          for (Thread thread : workers) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
          }
          out.println("ok " + gets.get());
        }
        case "members" -> out.println("ok " + cache.inspect().details().get("topology.members").split(",").length);
        case "read" -> {
          StringBuilder values = new StringBuilder();
          try {
            for (int i = 0; i < Integer.parseInt(word[2]); i++) {
              values.append(i == 0 ? "" : "|").append(cache.get(word[1] + i).orElse("-"));
            }
            out.println("ok " + values);
          } catch (RuntimeException e) {
            out.println("err " + e.toString().replace('\n', ' '));
          }
        }
        default -> out.println("err unknown command " + word[0]);
      }
    }
    cache.close();
  }

  /** Puts, gets and deletes on one worker's own keys, paced, until told to stop. */
  private static final class Worker {
    private final Cache<String, String> cache;
    private final PrintStream out;
    private final int id;
    private final String prefix;
    private final String valuePrefix;
    private final AtomicBoolean running;
    private final AtomicLong gets;
    private final Random random;
    /** The last acknowledged write of each key; a key whose last write failed has no entry. */
    private final Map<String, Optional<String>> acknowledged = new HashMap<>();

    Worker(Cache<String, String> cache, PrintStream out, int node, int id, AtomicBoolean running, AtomicLong gets) {
      this.cache = cache;
      this.out = out;
      this.id = id;
      this.prefix = "n" + node + "w" + id + "k";
      this.valuePrefix = "n" + node + "w" + id + "s";
      this.running = running;
      this.gets = gets;
      this.random = new Random(node * 31L + id);
    }

    void run() {
      long next = System.nanoTime();
      for (long seq = 0; running.get(); seq++) {
        String key = prefix + random.nextInt(KEYS_PER_WORKER);
        int dice = random.nextInt(10);
        if (dice < 5) {
          put(key, valuePrefix + seq);
        } else if (dice < 8) {
          get(key);
        } else {
          delete(key);
        }
        next += OP_INTERVAL_NANOS;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        } else {
          next = System.nanoTime(); // fell behind (a slow call): do not burst to catch up
        }
      }
    }

    private void put(String key, String value) {
      out.println("B " + id + " put " + key + " " + value);
      try {
        cache.put(key, value);
        out.println("A " + id + " " + System.currentTimeMillis());
        acknowledged.put(key, Optional.of(value));
      } catch (RuntimeException e) {
        out.println("F " + id + " put " + e.getClass().getSimpleName() + " " + System.currentTimeMillis());
        acknowledged.remove(key); // it may or may not have landed
      }
    }

    private void delete(String key) {
      out.println("B " + id + " del " + key);
      try {
        cache.delete(key);
        out.println("A " + id + " " + System.currentTimeMillis());
        acknowledged.put(key, Optional.empty());
      } catch (RuntimeException e) {
        out.println("F " + id + " del " + e.getClass().getSimpleName() + " " + System.currentTimeMillis());
        acknowledged.remove(key);
      }
    }

    private void get(String key) {
      try {
        Optional<String> read = cache.get(key);
        gets.incrementAndGet();
        Optional<String> expected = acknowledged.get(key);
        if (expected != null && !expected.equals(read)) {
          out.println("S " + id + " " + key + " " + expected.orElse("-") + " " + read.orElse("-") + " "
              + System.currentTimeMillis());
        }
      } catch (RuntimeException e) {
        out.println("F " + id + " get " + e.getClass().getSimpleName() + " " + System.currentTimeMillis());
      }
    }
  }
}
