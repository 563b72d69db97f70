package dev.vela.near;

import dev.vela.annotation.Topology;
import dev.vela.backend.CacheBackend;
import dev.vela.backend.ChangeFeed;
import dev.vela.backend.ChangeListener;
import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.topology.CacheTopology;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One memory backend that several simulated nodes reach, each through its own {@link Node}
 * topology; what one node announces reaches the others' listeners at once, unless the test holds
 * delivery back.
 */
final class SharedL2 {
  final MemoryBackend<String, String> backend;
  private final List<Node> nodes = new CopyOnWriteArrayList<>();

  SharedL2(InstantSource clock) {
    backend = MemoryBackend.unbounded(clock, (key, value, cause) -> {});
  }

  /** A new node of this L2. */
  Node node(String name) {
    Node node = new Node(name);
    nodes.add(node);
    return node;
  }

  /** One node's view of the shared backend, and its feed. */
  final class Node implements CacheTopology<String, String>, ChangeFeed<String> {
    private final String name;
    private volatile ChangeListener<String> listener;
    private volatile boolean live = true;
    /** Runs inside every L2 read, after the value was read; tests pause reads here. */
    volatile Consumer<String> afterRead = key -> {};

    Node(String name) {
      this.name = name;
    }

    void live(boolean live) {
      this.live = live;
    }

    ChangeListener<String> listener() {
      return listener;
    }

    @Override
    public Topology kind() {
      return Topology.PARTITIONED;
    }

    @Override
    public String node() {
      return name;
    }

    @Override
    public boolean isDistributed() {
      return true;
    }

    @Override
    public CacheTopology<String, String> nodeLocal() {
      return this;
    }

    @Override
    public CacheBackend<String, String> localBackend() {
      return backend;
    }

    @Override
    public void requireSingleOwner(Collection<? extends String> keys) {}

    @Override
    public Map<String, String> details() {
      return Map.of("node", name);
    }

    @Override
    public String get(String key) {
      String value = backend.get(key);
      afterRead.accept(key);
      return value;
    }

    @Override
    public StoredEntry<String> entry(String key) {
      StoredEntry<String> entry = backend.entry(key);
      afterRead.accept(key);
      return entry;
    }

    @Override
    public void put(String key, String value, long expiresAtMillis, Set<String> tags) {
      backend.put(key, value, expiresAtMillis, tags);
    }

    @Override
    public void putAll(Map<String, StoredEntry<String>> entries) {
      backend.putAll(entries);
    }

    @Override
    public boolean delete(String key) {
      return backend.delete(key);
    }

    @Override
    public WriteResult<String> write(String key, WriteCondition<String> condition, EntryUpdate<String> update) {
      return backend.write(key, condition, update);
    }

    @Override
    public Map<String, String> getAll(Collection<? extends String> keys) {
      return backend.getAll(keys);
    }

    @Override
    public long deleteAll(Collection<? extends String> keys) {
      return backend.deleteAll(keys);
    }

    @Override
    public long size() {
      return backend.size();
    }

    @Override
    public long flush() {
      return backend.flush();
    }

    @Override
    public long invalidateTag(String tag) {
      return backend.invalidateTag(tag);
    }

    @Override
    public Stream<Map.Entry<String, StoredEntry<String>>> entries() {
      return backend.entries();
    }

    @Override
    public Optional<ChangeFeed<String>> changeFeed() {
      return Optional.of(this);
    }

    @Override
    public void close() {}

    @Override
    public void subscribe(ChangeListener<String> listener) {
      this.listener = listener;
    }

    @Override
    public boolean isLive() {
      return live;
    }

    @Override
    public void announceKey(String key) {
      others().forEach(node -> node.listener.keyChanged(key));
    }

    @Override
    public void announceTag(String tag) {
      others().forEach(node -> node.listener.tagChanged(tag));
    }

    @Override
    public void announceFlush() {
      others().forEach(node -> node.listener.allChanged());
    }

    @Override
    public void unsubscribe() {
      listener = null;
    }

    private Stream<Node> others() {
      return nodes.stream().filter(node -> node != this && node.listener != null);
    }
  }
}
