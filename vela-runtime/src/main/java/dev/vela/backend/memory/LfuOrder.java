package dev.vela.backend.memory;

/**
 * Exact least-frequently-used order with least-recently-used tie-break, in O(1) per operation
 * (the frequency-bucket scheme of Shah, Mitra and Matani, "An O(1) algorithm for implementing the
 * LFU cache eviction scheme", 2010). A new entry has frequency 1; each read and each overwrite adds
 * one. The victim is the least recently used entry of the lowest frequency.
 *
 * <p>This is pure LFU, without ageing: an entry that was hot long ago keeps its count. That is what
 * makes a hot set survive a scan of one-time keys, and also why a once-hot set that went cold
 * leaves only when newer entries are used more often.
 */
final class LfuOrder<K, V> implements AccessOrder<K, V> {
  private final FrequencyBucket<K, V> buckets = FrequencyBucket.sentinel();
  private long size;

  @Override
  public void add(LinkedNode<K, V> node) {
    FrequencyBucket<K, V> first = buckets.next;
    if (first == buckets || first.frequency != 1) {
      first = FrequencyBucket.insertAfter(buckets, 1);
    }
    first.append(node);
    size++;
  }

  @Override
  public void replace(LinkedNode<K, V> old, LinkedNode<K, V> replacement) {
    if (!old.isLinked()) {
      add(replacement);
      return;
    }
    replacement.linkBefore(old);
    replacement.bucket = old.bucket;
    old.unlink();
    old.bucket = null;
    touch(replacement);
  }

  @Override
  public void touch(LinkedNode<K, V> node) {
    if (!node.isLinked()) {
      return;
    }
    FrequencyBucket<K, V> bucket = node.bucket;
    if (bucket.frequency == Integer.MAX_VALUE) {
      node.unlink();
      bucket.append(node);
      return;
    }
    FrequencyBucket<K, V> higher = bucket.next;
    boolean higherExists = higher != buckets && higher.frequency == bucket.frequency + 1;
    if (!higherExists && bucket.holdsOnly(node)) {
      // the usual case for a hot entry, alone at its count: moving it would allocate a bucket and
      // free this one on every replayed read of it
      bucket.frequency++;
      return;
    }
    node.unlink();
    if (!higherExists) {
      higher = FrequencyBucket.insertAfter(bucket, bucket.frequency + 1);
    }
    higher.append(node);
    if (bucket.isEmpty()) {
      bucket.unlinkBucket();
    }
  }

  @Override
  public void remove(LinkedNode<K, V> node) {
    if (!node.isLinked()) {
      return;
    }
    FrequencyBucket<K, V> bucket = node.bucket;
    node.unlink();
    node.bucket = null;
    if (bucket.isEmpty()) {
      bucket.unlinkBucket();
    }
    size--;
  }

  @Override
  public LinkedNode<K, V> victim(LinkedNode<K, V> spared) {
    for (FrequencyBucket<K, V> bucket = buckets.next; bucket != buckets; bucket = bucket.next) {
      for (LinkedNode<K, V> node = bucket.nodes.next; node != bucket.nodes; node = node.next) {
        if (node != spared) {
          return node;
        }
      }
    }
    return null;
  }

  @Override
  public long size() {
    return size;
  }
}
