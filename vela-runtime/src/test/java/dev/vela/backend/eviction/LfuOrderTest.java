package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LFU: the least used leaves first, ties by recency, the entry added last is spared, counts are halved. */
class LfuOrderTest {
  private final LfuOrder<OrderNode<String>> order = new LfuOrder<>(2);

  private OrderNode<String> added(String key) {
    return OrderNodes.add(order, key, key.hashCode(), 1);
  }

  private void use(OrderNode<String> node, int times) {
    for (int i = 0; i < times; i++) {
      order.touch(node);
    }
  }

  /** The frequency of the bucket holding a tracked node. */
  private static int frequencyOf(OrderNode<String> node) {
    return ((FrequencyBucket<?>) node.orderList()).frequency;
  }

  @Test
  void theLeastUsedLeavesAndTiesGoToTheLeastRecent() {
    OrderNode<String> a = added("a");
    OrderNode<String> b = added("b");
    use(a, 2);
    use(b, 2);
    added("c");

    assertThat(order.victim()).as("a and b tie at 3; c was added last and is spared").isSameAs(a);
  }

  @Test
  void anEntryAloneAtItsCountKeepsItsBucketAsItCountsUp() {
    OrderNode<String> cold = added("cold");
    OrderNode<String> hot = added("hot");
    use(hot, 2);
    Object bucket = hot.orderList();

    use(hot, 5);

    assertThat(hot.orderList()).isSameAs(bucket);
    assertThat(frequencyOf(hot)).isEqualTo(8);
    assertThat(frequencyOf(cold)).isEqualTo(1);
  }

  @Test
  void halvingMergesCountsThatMeetAndKeepsTheirOrder() {
    OrderNode<String> two = added("two");
    OrderNode<String> three = added("three");
    OrderNode<String> nine = added("nine");
    use(two, 1);
    use(three, 2);
    use(nine, 8);

    order.halve();

    assertThat(frequencyOf(two)).isEqualTo(1);
    assertThat(three.orderList()).isSameAs(two.orderList());
    assertThat(frequencyOf(nine)).isEqualTo(4);
    added("new");
    assertThat(order.victim()).as("two was least used before the halving").isSameAs(two);
  }
}
