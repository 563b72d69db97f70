package dev.vela.jcache;

import dev.vela.config.Durations;
import dev.vela.entry.EntryEventListener;
import dev.vela.entry.EntryExpiry;
import dev.vela.entry.EntryHooks;
import dev.vela.entry.EntryWriter;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * A JCache configuration's expiry policy, loader and writer, made from their factories once, and
 * mapped onto Vela's {@link EntryHooks}. Failures of the loader and writer reach callers as the
 * spec's {@link CacheLoaderException} and {@link CacheWriterException}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JCacheHooks<K, V> implements AutoCloseable {
  private final ExpiryPolicy expiryPolicy;
  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;

  JCacheHooks(CompleteConfiguration<K, V> config) {
    this.expiryPolicy = config.getExpiryPolicyFactory().create();
    this.loader = create(config.getCacheLoaderFactory());
    @SuppressWarnings("unchecked") // a writer of supertypes of K and V takes K and V
    CacheWriter<K, V> typed = (CacheWriter<K, V>) create(config.getCacheWriterFactory());
    this.writer = typed;
  }

  private static <T> T create(Factory<T> factory) {
    return factory == null ? null : factory.create();
  }

  boolean hasLoader() {
    return loader != null;
  }

  boolean hasWriter() {
    return writer != null;
  }

  /** The hooks of a store, reporting changes to {@code listener}. */
  EntryHooks<K, V> entryHooks(EntryEventListener<K, V> listener) {
    EntryHooks<K, V> hooks = EntryHooks.<K, V>none().withExpiry(new PolicyExpiry()).withListener(listener);
    if (loader != null) {
      hooks = hooks.withLoader(this::load);
    }
    if (writer != null) {
      hooks = hooks.withWriter(new EntryWriter<>() {
        @Override
        public void write(K key, V value) {
          JCacheHooks.this.write(key, value);
        }

        @Override
        public void delete(K key) {
          JCacheHooks.this.delete(key);
        }
      });
    }
    return hooks;
  }

  V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("the CacheLoader failed to load key " + key + ": " + e, e);
    }
  }

  Map<K, V> loadAll(Iterable<? extends K> keys) {
    try {
      return loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("the CacheLoader failed to load keys: " + e, e);
    }
  }

  void write(K key, V value) {
    try {
      writer.write(new JCacheEntry<>(key, value));
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("the CacheWriter failed to write key " + key + ": " + e, e);
    }
  }

  void delete(K key) {
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("the CacheWriter failed to delete key " + key + ": " + e, e);
    }
  }

  /**
   * Writes {@code entries} in one call; the writer removes from the collection the entries it
   * wrote, so on failure those left are the ones not written. Returns the failure, or null.
   */
  CacheWriterException writeAll(Collection<javax.cache.Cache.Entry<? extends K, ? extends V>> entries) {
    try {
      writer.writeAll(entries);
      return null;
    } catch (CacheWriterException e) {
      return e;
    } catch (RuntimeException e) {
      return new CacheWriterException("the CacheWriter failed to write entries: " + e, e);
    }
  }

  /** As {@link #writeAll}, for deletes: keys left in {@code keys} were not deleted. */
  CacheWriterException deleteAll(Collection<?> keys) {
    try {
      writer.deleteAll(keys);
      return null;
    } catch (CacheWriterException e) {
      return e;
    } catch (RuntimeException e) {
      return new CacheWriterException("the CacheWriter failed to delete keys: " + e, e);
    }
  }

  /** Closes whichever of the policy, loader and writer hold resources. */
  @Override
  public void close() {
    for (Object each : new Object[] {expiryPolicy, loader, writer}) {
      if (each instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException | RuntimeException ignored) {
          // closing a cache must not fail because one of its parts did
        }
      }
    }
  }

  /** A JCache duration as Vela's: null stays null, eternal is infinite. */
  static Duration toDuration(javax.cache.expiry.Duration duration) {
    if (duration == null) {
      return null;
    }
    if (duration.isEternal()) {
      return Durations.INFINITE;
    }
    if (duration.isZero()) {
      return Duration.ZERO;
    }
    return Duration.of(duration.getDurationAmount(), duration.getTimeUnit().toChronoUnit());
  }

  /** The configuration's {@link ExpiryPolicy} as a per-entry expiry. */
  private final class PolicyExpiry implements EntryExpiry<K, V> {
    @Override
    public Duration afterCreate(K key, V value) {
      return toDuration(expiryPolicy.getExpiryForCreation());
    }

    @Override
    public Duration afterUpdate(K key, V value) {
      return toDuration(expiryPolicy.getExpiryForUpdate());
    }

    @Override
    public Duration afterRead(K key, V value) {
      return toDuration(expiryPolicy.getExpiryForAccess());
    }
  }
}
