package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.backend.BackendContext;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.FetchCoordinator;
import dev.vela.backend.KeyLocks;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.codec.Codec;
import dev.vela.codec.Codecs;
import dev.vela.config.Durations;
import dev.vela.config.OptionCatalog;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import java.time.Duration;
import java.time.InstantSource;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The REDIS backend: entries as framed codec bytes in a Redis server that many processes may
 * share, under keys namespaced by the cache's name (see {@link RedisKeys}). An entry, its place in
 * the expiry index and its tag sets change together in Lua scripts, so tag counts are exact and
 * {@code invalidateTag} is atomic on the server. Expiry follows the cache's clock; Redis also
 * expires each entry itself (PX, {@link #PX_GRACE} later), so nothing stays for good when no
 * sweep runs.
 *
 * <p>Every call waits at most the {@code timeout} option; while Redis is unreachable calls fail
 * with a {@link VelaException} that says so, and they work again once it is back. The asynchronous
 * key operations ({@link RedisAsyncCalls}) send the same commands and scripts as their blocking
 * namesakes through Lettuce's asynchronous API, so no thread waits for Redis; their futures complete
 * on Lettuce's I/O thread, within the same {@code timeout}, with the same exceptions.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RedisBackend<K, V> implements CacheBackend<K, V> {
  /** How many entries one flush or listing step handles, so no script holds Redis up for long. */
  static final int PAGE = 512;
  /**
   * How long Redis keeps an entry past its expiry time before expiring it itself (PX). The cache
   * decides expiry by its own clock and a read or the sweeper removes the entry and counts it as
   * expired; Redis's expiry is the safety net for entries no one reads or sweeps any more.
   */
  static final Duration PX_GRACE = Duration.ofMinutes(1);

  private final EntryFormat<K, V> format;
  private final InstantSource clock;
  private final RedisSettings settings;
  private final RedisKeys keys;
  private final SharedConnection connection;
  private final Buckets buckets;
  private final FetchCoordinator<K, V> fetches;
  private final RedisChangeFeed<K> changes;
  private final KeyLocks<K> keyLocks;
  private final RedisAsyncCalls<K, V> async;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisBackend(BackendContext<K, V> context, RedisSettings settings, SharedConnection connection) {
    Codec<K> keyCodec = context.types().key().require("the REDIS backend");
    this.format = new EntryFormat<>(keyCodec, Codecs.framed(context.types().value().require("the REDIS backend")),
        context.clock(), context.removals(), context.decodeErrors());
    this.clock = context.clock();
    this.settings = settings;
    this.keys = new RedisKeys(context.cacheName(), settings.isCluster() ? RedisKeys.CLUSTER_BUCKETS : 1);
    this.connection = connection;
    this.buckets = new Buckets(keys, connection, settings.timeout());
    this.fetches = new RedisFetchCoordinator<>(this, context.cacheName(), context.config().stampedeTimeout());
    this.changes = new RedisChangeFeed<>(connection, keyCodec, keys, settings.timeout(), context.executor());
    this.keyLocks = new RedisKeyLocks<>(this, context.cacheName(), RedisKeyLocks.LEASE);
    this.async = new RedisAsyncCalls<>(format, keys, connection, buckets, settings.timeout());
  }

  /**
   * Opens the backend of the cache in {@code context}, sharing the JVM's connection to its URL.
   *
   * @throws VelaException when the options do not parse, a type has no codec, or Redis is unreachable
   */
  public static <K, V> RedisBackend<K, V> open(BackendContext<K, V> context) {
    // checked before connecting, so a missing codec is the error reported, not a connection left open
    context.types().key().require("the REDIS backend");
    context.types().value().require("the REDIS backend");
    RedisSettings settings = RedisSettings.of(context.config());
    SharedConnection connection = SharedConnections.acquire(settings);
    return new RedisBackend<>(context, settings, connection);
  }

  @Override
  public V get(K key) {
    String id = idOf(key);
    byte[] envelope = await(connection.commands().get(keys.entry(id)), "get");
    if (envelope == null) {
      return null;
    }
    if (Envelope.expiresAt(envelope) <= clock.millis()) {
      removeIfExpired(id);
      return null;
    }
    return format.decodeValue(envelope);
  }

  @Override
  public StoredEntry<V> entry(K key) {
    String id = idOf(key);
    List<Object> reply = run(keys.bucketOf(id), Scripts.ENTRY, RedisKeys.bytes(id));
    if (reply.isEmpty()) {
      return null;
    }
    byte[] envelope = (byte[]) reply.get(0);
    long expiresAt = Envelope.expiresAt(envelope);
    if (expiresAt <= clock.millis()) {
      removeIfExpired(id);
      return null;
    }
    V value = format.decodeValue(envelope);
    return value == null ? null : new StoredEntry<>(value, expiresAt, EntryFormat.texts(reply, 1));
  }

  @Override
  public void put(K key, V value, long expiresAtMillis, Set<String> tags) {
    String id = idOf(key);
    List<byte[]> args = new ArrayList<>(5 + tags.size());
    args.add(RedisKeys.bytes(id));
    format.addStored(args, value, expiresAtMillis);
    tags.forEach(tag -> args.add(RedisKeys.bytes(tag)));
    run(keys.bucketOf(id), Scripts.PUT, args.toArray(byte[][]::new));
  }

  @Override
  public void putAll(Map<K, StoredEntry<V>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    // one script per bucket: on one server, one script for all
    Map<Integer, List<byte[]>> byBucket = new TreeMap<>();
    entries.forEach((key, entry) -> {
      String id = idOf(key);
      List<byte[]> args = byBucket.computeIfAbsent(keys.bucketOf(id), bucket -> new ArrayList<>());
      args.add(RedisKeys.bytes(id));
      format.addStored(args, entry.value(), entry.expiresAtMillis());
      args.add(RedisKeys.bytes(Integer.toString(entry.tags().size())));
      entry.tags().forEach(tag -> args.add(RedisKeys.bytes(tag)));
    });
    buckets.runEach(Scripts.PUT_ALL, byBucket);
  }

  /**
   * One script that reads the entry, tests the condition (a compare-and-set compares the stored
   * framed bytes with the expected value's), applies the update with the tag sets and the expiry
   * index, and answers with the entry it found: one round trip.
   */
  @Override
  public WriteResult<V> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    String id = idOf(key);
    List<Object> reply = run(keys.bucketOf(id), Scripts.WRITE,
        WriteArguments.of(id, clock.millis(), condition, update, format::valueBytes, format::stored));
    if (reply.get(1) != null) {
      format.report(key, (byte[]) reply.get(1));
    }
    byte[] envelope = (byte[]) reply.get(2);
    V previous = envelope == null ? null : format.decodeValue(envelope);
    StoredEntry<V> entry = previous == null ? null
        : new StoredEntry<>(previous, Envelope.expiresAt(envelope), EntryFormat.texts(reply, 3));
    return new WriteResult<>((Long) reply.get(0) == 1, entry);
  }

  /** One MGET for all keys; a second round trip only to remove entries found expired. */
  @Override
  public Map<K, V> getAll(Collection<? extends K> keys) {
    List<K> distinct = List.copyOf(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    List<String> ids = distinct.stream().map(format::idOf).toList();
    byte[][] entryKeys = ids.stream().map(this.keys::entry).toArray(byte[][]::new);
    List<KeyValue<byte[], byte[]>> reply = await(connection.commands().mget(entryKeys), "getAll");
    Map<K, V> found = new LinkedHashMap<>();
    List<byte[]> expired = new ArrayList<>();
    long now = clock.millis();
    for (int i = 0; i < distinct.size(); i++) {
      byte[] envelope = reply.get(i).getValueOrElse(null);
      if (envelope == null) {
        continue;
      }
      if (Envelope.expiresAt(envelope) <= now) {
        expired.add(RedisKeys.bytes(ids.get(i)));
        continue;
      }
      V value = format.decodeValue(envelope);
      if (value != null) {
        found.put(distinct.get(i), value);
      }
    }
    if (!expired.isEmpty()) {
      Map<Integer, List<byte[]>> byBucket = new TreeMap<>();
      for (byte[] id : expired) {
        byBucket.computeIfAbsent(this.keys.bucketOf(RedisKeys.text(id)), bucket -> new ArrayList<>(List.of(format.now())))
            .add(id);
      }
      buckets.runEach(Scripts.REMOVE_IF_EXPIRED, byBucket).forEach(removed -> format.reportExpired(removed, 0));
    }
    return found;
  }

  /** One script for all keys of a bucket, the buckets' scripts sent together. */
  @Override
  public long deleteAll(Collection<? extends K> keys) {
    Map<Integer, List<byte[]>> byBucket = new TreeMap<>();
    for (K key : new LinkedHashSet<>(keys)) {
      String id = idOf(key);
      byBucket.computeIfAbsent(this.keys.bucketOf(id), bucket -> new ArrayList<>(List.of(format.now())))
          .add(RedisKeys.bytes(id));
    }
    long removed = 0;
    for (List<Object> reply : buckets.runEach(Scripts.DELETE_ALL, byBucket)) {
      format.reportExpired(reply, 1);
      removed += (Long) reply.get(0);
    }
    return removed;
  }

  @Override
  public boolean delete(K key) {
    String id = idOf(key);
    List<Object> reply = run(keys.bucketOf(id), Scripts.DELETE, RedisKeys.bytes(id), format.now());
    long state = (Long) reply.get(0);
    if (state == 2) {
      format.report(key, (byte[]) reply.get(1));
    }
    return state == 1;
  }

  /** One ZCOUNT per bucket, all sent before the first reply is awaited. */
  @Override
  public long size() {
    Range<Long> live = liveRange();
    return buckets.sum(bucket -> connection.commands().zcount(keys.index(bucket), live), "size");
  }

  @Override
  public long flush() {
    long[] live = {0};
    buckets.everyBucketInPages(Scripts.FLUSH, format.now(), PAGE, reply -> {
      live[0] += (Long) reply.get(1);
      format.reportExpired(reply, 2);
    });
    return live[0];
  }

  @Override
  public long invalidateTag(String tag) {
    long live = 0;
    for (List<Object> reply : buckets.runEverywhere(Scripts.INVALIDATE_TAG, RedisKeys.bytes(tag), format.now())) {
      format.reportExpired(reply, 1);
      live += (Long) reply.get(0);
    }
    return live;
  }

  @Override
  public Stream<Map.Entry<K, StoredEntry<V>>> entries() {
    // per bucket, the ids live now, then their entries page by page: each key appears at most once
    Range<Long> live = liveRange();
    return IntStream.range(0, keys.buckets()).boxed().flatMap(bucket -> {
      List<byte[]> ids = await(connection.commands().zrangebyscore(keys.index(bucket), live), "entries");
      int pages = (ids.size() + PAGE - 1) / PAGE;
      return Stream.iterate(0, page -> page < pages, page -> page + 1)
          .flatMap(page -> readPage(bucket, ids.subList(page * PAGE, Math.min(ids.size(), (page + 1) * PAGE)))
              .stream());
    });
  }

  private List<Map.Entry<K, StoredEntry<V>>> readPage(int bucket, List<byte[]> ids) {
    List<Object> reply = run(bucket, Scripts.ENTRIES, ids.toArray(byte[][]::new));
    List<Map.Entry<K, StoredEntry<V>>> page = new ArrayList<>(reply.size());
    long now = clock.millis();
    for (Object item : reply) {
      List<?> fields = (List<?>) item;
      byte[] envelope = (byte[]) fields.get(1);
      long expiresAt = Envelope.expiresAt(envelope);
      K key = format.decodeKey(RedisKeys.text((byte[]) fields.get(0)));
      V value = expiresAt <= now || key == null ? null : format.decodeValue(envelope);
      if (value != null) {
        page.add(new AbstractMap.SimpleImmutableEntry<>(key, new StoredEntry<>(value, expiresAt, EntryFormat.texts(fields, 2))));
      }
    }
    return page;
  }

  @Override
  public long removeExpired(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    long[] reported = {0};
    buckets.everyBucketInPages(Scripts.SWEEP, format.now(), batchSize, reply -> reported[0] += format.reportExpired(reply, 1));
    return reported[0];
  }

  @Override
  public long heldEntries() {
    return buckets.sum(bucket -> connection.commands().zcard(keys.index(bucket)), "heldEntries");
  }

  @Override
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("redis.keyPrefix", keys.pattern());
    details.put("redis." + OptionCatalog.TIMEOUT.optionName(), Durations.format(settings.timeout()));
    details.put("redis." + OptionCatalog.URL.optionName(), settings.redacted());
    Set<String> tracking = changes.trackedServers();
    if (!tracking.isEmpty()) {
      details.put("redis.tracking", String.join(",", new TreeSet<>(tracking)));
    }
    return details;
  }

  @Override
  public Optional<FetchCoordinator<K, V>> fetchCoordinator() {
    return Optional.of(fetches);
  }

  /** Transaction locks in Redis, so a transaction excludes every process sharing the cache. */
  @Override
  public Optional<KeyLocks<K>> keyLocks() {
    return Optional.of(keyLocks);
  }

  /** Client tracking of this cache's keys; it connects only when a near cache subscribes. */
  @Override
  public Optional<ChangeFeed<K>> changeFeed() {
    return Optional.of(changes);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      changes.unsubscribe();
      SharedConnections.release(connection);
    }
  }

  @Override
  public CompletableFuture<V> getAsync(K key) {
    return async.get(key);
  }

  @Override
  public CompletableFuture<StoredEntry<V>> entryAsync(K key) {
    return async.entry(key);
  }

  @Override
  public CompletableFuture<Void> putAsync(K key, V value, long expiresAtMillis, Set<String> tags) {
    return async.put(key, value, expiresAtMillis, tags);
  }

  @Override
  public CompletableFuture<Boolean> deleteAsync(K key) {
    return async.delete(key);
  }

  @Override
  public CompletableFuture<WriteResult<V>> writeAsync(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    return async.write(key, condition, update);
  }

  @Override
  public CompletableFuture<Map<K, V>> getAllAsync(Collection<? extends K> keys) {
    return async.getAll(keys);
  }

  @Override
  public CompletableFuture<Long> deleteAllAsync(Collection<? extends K> keys) {
    return async.deleteAll(keys);
  }

  /** The key names of this cache. */
  RedisKeys keys() {
    return keys;
  }

  /** The shared connection. */
  SharedConnection connection() {
    return connection;
  }

  /** How long one call may take. */
  Duration timeout() {
    return settings.timeout();
  }

  /** Waits for {@code reply} at most the timeout option. */
  <T> T await(RedisFuture<T> reply, String what) {
    return connection.await(reply, settings.timeout(), what);
  }

  /** Runs one of {@link Scripts} on a bucket's keys, with its prefix in front of {@code args}. */
  List<Object> run(int bucket, LuaScript script, byte[]... args) {
    return buckets.run(bucket, script, args);
  }

  /** The id of {@code key} in Redis key names. */
  String idOf(K key) {
    return format.idOf(key);
  }

  private void removeIfExpired(String id) {
    format.reportExpired(run(keys.bucketOf(id), Scripts.REMOVE_IF_EXPIRED, format.now(), RedisKeys.bytes(id)), 0);
  }

  private Range<Long> liveRange() {
    return Range.from(Range.Boundary.excluding(clock.millis()), Range.Boundary.unbounded());
  }

  @Override
  public String toString() {
    return "RedisBackend[" + keys.pattern() + " at " + settings.redacted() + "]";
  }
}
