package dev.vela.backend.redis;

import io.lettuce.core.RedisFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs the scripts and counts of one cache bucket by bucket (see {@link RedisKeys}): a script on
 * one bucket is routed by the bucket's expiry index and gets the bucket's prefix; work on many
 * buckets is sent all at once, so that on a cluster the shards work on it in parallel, and the
 * replies are awaited afterwards.
 */
final class Buckets {
  private final RedisKeys keys;
  private final SharedConnection connection;
  private final Duration timeout;

  Buckets(RedisKeys keys, SharedConnection connection, Duration timeout) {
    this.keys = keys;
    this.connection = connection;
    this.timeout = timeout;
  }

  /** Runs {@code script} on a bucket's keys, with its prefix in front of {@code args}. */
  List<Object> run(int bucket, LuaScript script, byte[]... args) {
    return connection.run(script, timeout, new byte[][] {keys.index(bucket)}, withPrefix(bucket, args));
  }

  /** {@link #run}'s asynchronous form: a future that may complete on Lettuce's I/O thread. */
  CompletableFuture<List<Object>> runAsync(int bucket, LuaScript script, byte[]... args) {
    return connection.runAsync(script, timeout, new byte[][] {keys.index(bucket)}, withPrefix(bucket, args));
  }

  /** {@link #runEach}'s asynchronous form: every script sent at once, a future of the replies in bucket order. */
  CompletableFuture<List<List<Object>>> runEachAsync(LuaScript script, Map<Integer, List<byte[]>> argsByBucket) {
    List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
    new TreeMap<>(argsByBucket).forEach(
        (bucket, bucketArgs) -> replies.add(runAsync(bucket, script, bucketArgs.toArray(byte[][]::new))));
    return CompletableFuture.allOf(replies.toArray(CompletableFuture<?>[]::new))
        .thenApply(done -> replies.stream().map(CompletableFuture::join).toList());
  }

  /** Runs {@code script} on each bucket with its arguments; the replies in the order of the buckets. */
  List<List<Object>> runEach(LuaScript script, Map<Integer, List<byte[]>> argsByBucket) {
    List<byte[][]> routes = new ArrayList<>();
    List<byte[][]> args = new ArrayList<>();
    new TreeMap<>(argsByBucket).forEach((bucket, bucketArgs) -> {
      routes.add(new byte[][] {keys.index(bucket)});
      args.add(withPrefix(bucket, bucketArgs.toArray(byte[][]::new)));
    });
    return connection.runAll(script, timeout, routes, args);
  }

  /** Runs {@code script} on every bucket with the same arguments. */
  List<List<Object>> runEverywhere(LuaScript script, byte[]... args) {
    Map<Integer, List<byte[]>> everyBucket = new TreeMap<>();
    for (int bucket = 0; bucket < keys.buckets(); bucket++) {
      everyBucket.put(bucket, List.of(args));
    }
    return runEach(script, everyBucket);
  }

  /**
   * Runs {@code script} (arguments: {@code now}, page size; reply: how many it handled first) on
   * every bucket, and again on each bucket whose last run handled a full page, until none did.
   */
  void everyBucketInPages(LuaScript script, byte[] now, int page, Consumer<List<Object>> replies) {
    List<Integer> pending = IntStream.range(0, keys.buckets()).boxed().toList();
    byte[] pageBytes = RedisKeys.bytes(Integer.toString(page));
    while (!pending.isEmpty()) {
      Map<Integer, List<byte[]>> round = new TreeMap<>();
      pending.forEach(bucket -> round.put(bucket, List.of(now, pageBytes)));
      List<List<Object>> answers = runEach(script, round);
      List<Integer> again = new ArrayList<>();
      int i = 0;
      for (int bucket : round.keySet()) {
        List<Object> reply = answers.get(i++);
        replies.accept(reply);
        if ((Long) reply.get(0) >= page) {
          again.add(bucket);
        }
      }
      pending = again;
    }
  }

  /** The sum of a count asked of every bucket, all asked before the first answer is awaited. */
  long sum(IntFunction<RedisFuture<Long>> count, String what) {
    long deadline = System.nanoTime() + timeout.toNanos(); // one for all counts, not one each
    List<RedisFuture<Long>> counts = new ArrayList<>();
    for (int bucket = 0; bucket < keys.buckets(); bucket++) {
      counts.add(count.apply(bucket));
    }
    long total = 0;
    for (RedisFuture<Long> one : counts) {
      total += connection.awaitUntil(one, deadline, timeout, what);
    }
    return total;
  }

  private byte[][] withPrefix(int bucket, byte[][] args) {
    byte[][] withPrefix = new byte[args.length + 1][];
    withPrefix[0] = keys.prefixBytes(bucket);
    System.arraycopy(args, 0, withPrefix, 1, args.length);
    return withPrefix;
  }
}
