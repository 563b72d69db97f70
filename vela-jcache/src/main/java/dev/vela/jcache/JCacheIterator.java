package dev.vela.jcache;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * Walks a snapshot of a cache's keys, reading each entry as it goes (so entries removed or expired
 * since the snapshot are skipped, and each one read counts as a hit); {@code remove} removes the
 * last entry returned through the cache, writer and listeners included.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JCacheIterator<K, V> implements Iterator<Cache.Entry<K, V>> {
  private final Iterator<K> keys;
  private final Function<K, Cache.Entry<K, V>> read;
  private final Consumer<K> remove;
  private Cache.Entry<K, V> next;
  private K last;

  JCacheIterator(Iterator<K> keys, Function<K, Cache.Entry<K, V>> read, Consumer<K> remove) {
    this.keys = keys;
    this.read = read;
    this.remove = remove;
  }

  @Override
  public boolean hasNext() {
    while (next == null && keys.hasNext()) {
      next = read.apply(keys.next());
    }
    return next != null;
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Cache.Entry<K, V> result = next;
    next = null;
    last = result.getKey();
    return result;
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() has not been called, or remove() was called already");
    }
    remove.accept(last);
    last = null;
  }
}
