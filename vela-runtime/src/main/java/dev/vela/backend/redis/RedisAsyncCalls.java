package dev.vela.backend.redis;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous key operations of a {@link RedisBackend}: the same commands and scripts as the
 * blocking ones, sent through Lettuce's asynchronous API, so no thread waits for Redis. Each future
 * completes on Lettuce's I/O thread (the cache core moves the user's dependants off it), within the
 * {@code timeout} option, exceptionally with the exception the blocking call throws.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RedisAsyncCalls<K, V> {
  private final EntryFormat<K, V> format;
  private final RedisKeys keys;
  private final SharedConnection connection;
  private final Buckets buckets;
  private final Duration timeout;

  RedisAsyncCalls(EntryFormat<K, V> format, RedisKeys keys, SharedConnection connection, Buckets buckets,
      Duration timeout) {
    this.format = format;
    this.keys = keys;
    this.connection = connection;
    this.buckets = buckets;
    this.timeout = timeout;
  }

  CompletableFuture<V> get(K key) {
    String id = format.idOf(key);
    return connection.replyOf(connection.commands().get(keys.entry(id)), timeout, "get")
        .thenCompose(envelope -> {
          if (envelope == null) {
            return CompletableFuture.completedFuture(null);
          }
          if (Envelope.expiresAt(envelope) <= format.millis()) {
            return removeIfExpiredAsync(id).thenApply(removed -> null);
          }
          return CompletableFuture.completedFuture(format.decodeValue(envelope));
        });
  }

  CompletableFuture<StoredEntry<V>> entry(K key) {
    String id = format.idOf(key);
    return buckets.runAsync(keys.bucketOf(id), Scripts.ENTRY, RedisKeys.bytes(id)).thenCompose(reply -> {
      if (reply.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      byte[] envelope = (byte[]) reply.get(0);
      long expiresAt = Envelope.expiresAt(envelope);
      if (expiresAt <= format.millis()) {
        return removeIfExpiredAsync(id).thenApply(removed -> null);
      }
      V value = format.decodeValue(envelope);
      return CompletableFuture.completedFuture(value == null ? null : new StoredEntry<>(value, expiresAt, EntryFormat.texts(reply, 1)));
    });
  }

  CompletableFuture<Void> put(K key, V value, long expiresAtMillis, Set<String> tags) {
    String id = format.idOf(key);
    List<byte[]> args = new ArrayList<>(5 + tags.size());
    args.add(RedisKeys.bytes(id));
    format.addStored(args, value, expiresAtMillis);
    tags.forEach(tag -> args.add(RedisKeys.bytes(tag)));
    return buckets.runAsync(keys.bucketOf(id), Scripts.PUT, args.toArray(byte[][]::new)).thenApply(reply -> null);
  }

  CompletableFuture<Boolean> delete(K key) {
    String id = format.idOf(key);
    return buckets.runAsync(keys.bucketOf(id), Scripts.DELETE, RedisKeys.bytes(id), format.now()).thenApply(reply -> {
      long state = (Long) reply.get(0);
      if (state == 2) {
        format.report(key, (byte[]) reply.get(1));
      }
      return state == 1;
    });
  }

  /** {@link RedisBackend#write}'s one script, sent without waiting. */
  CompletableFuture<WriteResult<V>> write(K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    String id = format.idOf(key);
    byte[][] args = WriteArguments.of(id, format.millis(), condition, update, format::valueBytes, format::stored);
    return buckets.runAsync(keys.bucketOf(id), Scripts.WRITE, args).thenApply(reply -> {
      if (reply.get(1) != null) {
        format.report(key, (byte[]) reply.get(1));
      }
      byte[] envelope = (byte[]) reply.get(2);
      V previous = envelope == null ? null : format.decodeValue(envelope);
      StoredEntry<V> entry = previous == null ? null
          : new StoredEntry<>(previous, Envelope.expiresAt(envelope), EntryFormat.texts(reply, 3));
      return new WriteResult<>((Long) reply.get(0) == 1, entry);
    });
  }

  /** {@link RedisBackend#getAll}'s one MGET, sent without waiting; entries found expired are removed before it completes. */
  CompletableFuture<Map<K, V>> getAll(Collection<? extends K> wanted) {
    List<K> distinct = List.copyOf(new LinkedHashSet<>(wanted));
    if (distinct.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    List<String> ids = distinct.stream().map(format::idOf).toList();
    byte[][] entryKeys = ids.stream().map(keys::entry).toArray(byte[][]::new);
    return connection.replyOf(connection.commands().mget(entryKeys), timeout, "getAll").thenCompose(reply -> {
      Map<K, V> found = new LinkedHashMap<>();
      Map<Integer, List<byte[]>> expired = new TreeMap<>();
      long now = format.millis();
      for (int i = 0; i < distinct.size(); i++) {
        byte[] envelope = reply.get(i).getValueOrElse(null);
        if (envelope == null) {
          continue;
        }
        if (Envelope.expiresAt(envelope) <= now) {
          expired.computeIfAbsent(keys.bucketOf(ids.get(i)), bucket -> new ArrayList<>(List.of(format.now())))
              .add(RedisKeys.bytes(ids.get(i)));
          continue;
        }
        V value = format.decodeValue(envelope);
        if (value != null) {
          found.put(distinct.get(i), value);
        }
      }
      if (expired.isEmpty()) {
        return CompletableFuture.completedFuture(found);
      }
      return buckets.runEachAsync(Scripts.REMOVE_IF_EXPIRED, expired).thenApply(replies -> {
        replies.forEach(removed -> format.reportExpired(removed, 0));
        return found;
      });
    });
  }

  /** {@link RedisBackend#deleteAll}'s scripts, one per bucket, sent together without waiting. */
  CompletableFuture<Long> deleteAll(Collection<? extends K> wanted) {
    Map<Integer, List<byte[]>> byBucket = new TreeMap<>();
    for (K key : new LinkedHashSet<>(wanted)) {
      String id = format.idOf(key);
      byBucket.computeIfAbsent(keys.bucketOf(id), bucket -> new ArrayList<>(List.of(format.now())))
          .add(RedisKeys.bytes(id));
    }
    if (byBucket.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    return buckets.runEachAsync(Scripts.DELETE_ALL, byBucket).thenApply(replies -> {
      long removed = 0;
      for (List<Object> reply : replies) {
        format.reportExpired(reply, 1);
        removed += (Long) reply.get(0);
      }
      return removed;
    });
  }

  private CompletableFuture<Long> removeIfExpiredAsync(String id) {
    return buckets.runAsync(keys.bucketOf(id), Scripts.REMOVE_IF_EXPIRED, format.now(), RedisKeys.bytes(id))
        .thenApply(reply -> format.reportExpired(reply, 0));
  }
}
