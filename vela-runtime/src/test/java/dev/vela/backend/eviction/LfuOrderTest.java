package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LFU: the least used leaves first, ties by recency, the entry added last is spared, counts are halved. */
class LfuOrderTest {
  private final LfuOrder<String> order = new LfuOrder<>(2);

  private OrderNode<String> added(String key) {
    return order.add(key, key.hashCode(), 1);
  }

  private void use(OrderNode<String> node, int times) {
    for (int i = 0; i < times; i++) {
      order.touch(node);
    }
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
    FrequencyBucket<String> bucket = hot.bucket;

    use(hot, 5);

    assertThat(hot.bucket).isSameAs(bucket);
    assertThat(hot.bucket.frequency).isEqualTo(8);
    assertThat(cold.bucket.frequency).isEqualTo(1);
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

    assertThat(two.bucket.frequency).isEqualTo(1);
    assertThat(three.bucket).isSameAs(two.bucket);
    assertThat(nine.bucket.frequency).isEqualTo(4);
    added("new");
    assertThat(order.victim()).as("two was least used before the halving").isSameAs(two);
  }
}
