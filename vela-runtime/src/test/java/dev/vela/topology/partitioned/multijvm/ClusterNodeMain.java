package dev.vela.topology.partitioned.multijvm;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.PutOptions;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.codec.Codecs;
import dev.vela.codec.TypeCodec;
import dev.vela.config.Durations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cluster node in its own JVM, driven by line commands on stdin; each command gets one line on
 * stdout starting with {@code ok} or {@code err}. Arguments: port, initialHosts, cluster id, and
 * optionally the topology (PARTITIONED by default) and the number of backups. Commands:
 * {@code put N value [tag]}, {@code get N}, {@code putRange FROM TO [PREFIX]} (values PREFIX+N, "v" by
 * default), {@code missing FROM TO}
 * (how many of keys FROM..TO-1 are absent), {@code size}, {@code localSize}, {@code invalidate TAG},
 * {@code members}, {@code fetch N} (getOrFetch, answering with the fetcher calls so far),
 * {@code hammer SEED COUNT KEYS} (COUNT seeded random puts and deletes over keys 0..KEYS-1),
 * {@code digest KEYS} (a hash of this node's copy of keys 0..KEYS-1, read locally),
 * {@code increment N COUNT} (COUNT transactions that each add one to the number under key N),
 * {@code replace N OLD NEW} (compare-and-set), {@code merge N SUFFIX} (appends SUFFIX, or stores it),
 * {@code race MILLIS} (the {@link AtomicWorkload} for that long), {@code startRace} and {@code
 * stopRace} (the same, from one command to the other), {@code claimsOf MEMBER TRIED} (how
 * many of the first TRIED claim keys MEMBER holds, and how many none),
 * {@code leave} (graceful close, then exit). Arguments after the first three: the topology, the
 * number of backups, and {@code near} for a near cache, which adds two commands: {@code await N
 * value} (reads until the value shows, at most 10 s, answering with how many reads still saw
 * another one) and {@code l1Hits}.
 */
public final class ClusterNodeMain {
  private ClusterNodeMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // only answers go to stdout
    CacheBuilder<StockKey, String, Cache<StockKey, String>> builder = new CacheBuilder<StockKey, String, Cache<StockKey, String>>(
            new CacheTypes<>(TypeCodec.of("test.StockKey", StockKey.CODEC), TypeCodec.of("java.lang.String", Codecs.STRING)),
            "stock", Backend.MEMORY, args.length > 3 ? Topology.valueOf(args[3]) : Topology.PARTITIONED, c -> c)
        .sweepInterval(Durations.INFINITE)
        .option("cluster", "multi-jvm-" + args[2])
        .option("port", args[0])
        .option("initialHosts", args[1])
        .option("joinTimeout", "500ms")
        .option("rpcTimeout", "3s")
        .nearCache(args.length > 5 && args[5].equals("near"));
    if (args.length > 4 && !args[4].equals("0")) {
      builder.option("backups", args[4]);
    }
    Cache<StockKey, String> cache = builder.create();
    AtomicInteger fetches = new AtomicInteger();
    AtomicWorkload.Race race = null;
    out.println("ok started " + cache.inspect().node());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] word = line.trim().split(" ");
      try {
        switch (word[0]) {
          case "put" -> {
            cache.put(StockKey.number(Integer.parseInt(word[1])), word[2],
                word.length > 3 ? PutOptions.tags(word[3]) : PutOptions.defaults());
            out.println("ok");
          }
          case "get" -> out.println("ok " + cache.get(StockKey.number(Integer.parseInt(word[1]))).orElse("-"));
          case "putRange" -> {
            String prefix = word.length > 3 ? word[3] : "v";
            for (int n = Integer.parseInt(word[1]); n < Integer.parseInt(word[2]); n++) {
              cache.put(StockKey.number(n), prefix + n);
            }
            out.println("ok");
          }
          case "missing" -> {
            int missing = 0;
            for (int n = Integer.parseInt(word[1]); n < Integer.parseInt(word[2]); n++) {
              if (!("v" + n).equals(cache.get(StockKey.number(n)).orElse(null))) {
                missing++;
              }
            }
            out.println("ok " + missing);
          }
          case "size" -> out.println("ok " + cache.size());
          case "localSize" -> out.println("ok " + cache.local().size());
          case "invalidate" -> out.println("ok " + cache.invalidateTag(word[1]));
          case "members" -> out.println("ok " + cache.inspect().details().get("topology.members"));
          case "ringMembers" -> out.println("ok " + cache.inspect().details().get("topology.ring.members"));
          case "fetch" -> {
            String value = cache.getOrFetch(StockKey.number(Integer.parseInt(word[1])), key -> {
              fetches.incrementAndGet();
              return "fetched";
            });
            out.println("ok " + value + " " + fetches.get());
          }
          case "await" -> {
            StockKey key = StockKey.number(Integer.parseInt(word[1]));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long otherReads = 0;
            while (!cache.get(key).filter(word[2]::equals).isPresent() && System.nanoTime() < until) {
              otherReads++;
            }
            out.println(System.nanoTime() < until ? "ok " + otherReads : "err " + word[2] + " did not show in 10 s");
          }
          case "l1Hits" -> out.println("ok " + cache.local().stats().l1Hits());
          case "hammer" -> {
            java.util.Random random = new java.util.Random(Long.parseLong(word[1]));
            int keys = Integer.parseInt(word[3]);
            for (int i = 0; i < Integer.parseInt(word[2]); i++) {
              StockKey key = StockKey.number(random.nextInt(keys));
              if (random.nextInt(5) == 0) {
                cache.delete(key);
              } else {
                cache.put(key, "h" + word[1] + "-" + i);
              }
            }
            out.println("ok");
          }
          case "digest" -> {
            StringBuilder copy = new StringBuilder();
            for (int n = 0; n < Integer.parseInt(word[1]); n++) {
              copy.append(n).append('=').append(cache.local().get(StockKey.number(n)).orElse("-")).append(';');
            }
            out.println("ok " + Integer.toHexString(copy.toString().hashCode()) + " " + cache.local().size());
          }
          case "increment" -> {
            StockKey key = StockKey.number(Integer.parseInt(word[1]));
            for (int i = 0; i < Integer.parseInt(word[2]); i++) {
              cache.transaction(java.util.List.of(key), locked -> {
                locked.put(key, Integer.toString(Integer.parseInt(locked.get(key).orElse("0")) + 1));
                return null;
              });
            }
            out.println("ok");
          }
          case "race" -> out.println("ok " + AtomicWorkload.race(cache, cache.inspect().node(), Long.parseLong(word[1])));
          case "replace" -> out.println("ok " + cache.replace(StockKey.number(Integer.parseInt(word[1])), word[2], word[3]));
          case "merge" -> out.println("ok " + cache.merge(StockKey.number(Integer.parseInt(word[1])), word[2], String::concat));
          case "startRace" -> {
            // bounded even if the test that started it goes away without stopping it
            race = AtomicWorkload.start(cache, cache.inspect().node(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
            out.println("ok");
          }
          case "stopRace" -> out.println(race == null ? "err no race under way" : "ok " + race.stop());
          case "claimsOf" -> out.println("ok " + AtomicWorkload.claimsOf(cache, word[1], Integer.parseInt(word[2])));
          case "leave" -> {
            cache.close();
            out.println("ok left");
            return;
          }
          default -> out.println("err unknown command " + word[0]);
        }
      } catch (RuntimeException e) {
        out.println("err " + e.toString().replace('\n', ' '));
      }
    }
    cache.close();
  }
}
