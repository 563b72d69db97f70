package dev.vela.backend.eviction;

import java.util.HashMap;
import java.util.Map;

/** Replays keys through an order as a cache would (a read; on a miss a write, then evictions). */
final class OrderReplay {
  private final EvictionOrder<OrderNode<Long>> order;
  private final Map<Long, OrderNode<Long>> held = new HashMap<>();
  private long hits;
  private long requests;

  OrderReplay(EvictionOrder<OrderNode<Long>> order) {
    this.order = order;
  }

  /** One request; true on a hit. */
  boolean request(long key) {
    requests++;
    OrderNode<Long> node = held.get(key);
    if (node != null) {
      hits++;
      order.touch(node);
      return true;
    }
    held.put(key, OrderNodes.add(order, key, Long.hashCode(key), 1));
    OrderNode<Long> victim;
    while ((victim = order.victim()) != null) {
      order.remove(victim);
      held.remove(victim.element());
    }
    return false;
  }

  boolean holds(long key) {
    return held.containsKey(key);
  }

  double hitRatio() {
    return (double) hits / requests;
  }
}
