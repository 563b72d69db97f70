package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** ADAPTIVE: admission by frequency, a window that adapts to the workload, decisions fixed by the seed. */
class AdaptiveOrderTest {

  private final List<String> evicted = new ArrayList<>();

  private OrderNode<String> write(EvictionOrder<OrderNode<String>> order, String key) {
    return OrderNodes.write(order, key, evicted);
  }

  @Test
  void aFrequentCandidateReplacesARareVictimAndARareOneIsTurnedAway() {
    AdaptiveOrder<OrderNode<String>> order = new AdaptiveOrder<>(3, 1); // a window of 1, a main area of 2
    write(order, "rare");
    OrderNode<String> other = write(order, "other");
    write(order, "third");
    order.touch(other); // read again in main: protected
    assertThat(evicted).isEmpty();

    OrderNode<String> popular = write(order, "popular");
    assertThat(evicted).as("third left the window seen once, as often as the victim: the tie keeps the victim")
        .containsExactly("third");
    for (int i = 0; i < 3; i++) {
      order.touch(popular); // read in the window: seen four times
    }
    write(order, "newcomer");
    assertThat(evicted).as("popular leaves the window seen more often than the victim").endsWith("rare");
    write(order, "once");

    assertThat(evicted).containsExactly("third", "rare", "newcomer");
    assertThat(popular.isTracked()).isTrue();
    assertThat(other.isTracked()).isTrue();
  }

  @Test
  void theWindowGrowsWhenRecencyPays() {
    // each new key is requested again once, 1 to 600 new keys later: the larger the window, the
    // more of these second requests it catches, while frequency tells nothing
    AdaptiveOrder<OrderNode<Long>> order = new AdaptiveOrder<>(1000, 7);
    OrderReplay replay = new OrderReplay(order);
    SplittableRandom random = new SplittableRandom(9);
    long initial = order.windowMaximum();
    for (long key = 600; key < 100_000; key++) {
      replay.request(key);
      replay.request(key - 1 - random.nextInt(600));
    }

    assertThat(initial).isEqualTo(10);
    assertThat(order.windowMaximum()).isGreaterThan(200);
  }

  @Test
  void theWindowStaysSmallWhenFrequencyPays() {
    // a stable popular set of 800 keys, each request interleaved with a key never seen again
    AdaptiveOrder<OrderNode<Long>> order = new AdaptiveOrder<>(1000, 7);
    OrderReplay replay = new OrderReplay(order);
    SplittableRandom random = new SplittableRandom(3);
    long oneOff = 1_000_000;
    for (int i = 0; i < 60_000; i++) {
      replay.request(random.nextLong(800));
      replay.request(oneOff++);
    }

    assertThat(order.windowMaximum()).isLessThan(200);
    assertThat(LongStream.range(0, 800).filter(replay::holds).count()).isGreaterThan(750);
  }

  @Test
  void theSameSeedAndRequestsEvictTheSameEntries() {
    assertThat(evictions(11)).isEqualTo(evictions(11));
  }

  private static List<Long> evictions(long seed) {
    EvictionOrder<OrderNode<Long>> order = EvictionOrder.of(EvictionPolicy.ADAPTIVE, 64, seed);
    List<Long> evicted = new ArrayList<>();
    List<OrderNode<Long>> nodes = new ArrayList<>();
    SplittableRandom keys = new SplittableRandom(5);
    java.util.Map<Long, OrderNode<Long>> held = new java.util.HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long key = keys.nextInt(16) == 0 ? keys.nextLong(100_000) : keys.nextLong(200); // warm keys, some noise
      OrderNode<Long> node = held.get(key);
      if (node != null) {
        order.touch(node);
        continue;
      }
      node = OrderNodes.add(order, key, Long.hashCode(key), 1);
      nodes.add(node);
      held.put(key, node);
      OrderNode<Long> victim;
      while ((victim = order.victim()) != null) {
        order.remove(victim);
        held.remove(victim.element());
        evicted.add(victim.element());
      }
    }
    return evicted;
  }

  @Test
  void evictsByWeightUntilTheTotalFits() {
    EvictionOrder<OrderNode<String>> order = EvictionOrder.of(EvictionPolicy.ADAPTIVE, 10);
    OrderNodes.add(order, "a", 1, 4);
    OrderNodes.add(order, "b", 2, 4);
    OrderNodes.add(order, "c", 3, 5);

    List<String> evicted = new ArrayList<>();
    OrderNode<String> victim;
    while ((victim = order.victim()) != null) {
      order.remove(victim);
      evicted.add(victim.element());
    }

    assertThat(order.weightedSize()).isLessThanOrEqualTo(10);
    assertThat(evicted).hasSize(1);
    assertThat(order.size()).isEqualTo(2);
  }
}
