package dev.vela.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The LFU order's buckets: a use moves an entry up one count, in a bucket made only when needed. */
class LfuOrderTest {
  private final LfuOrder<String, String> order = new LfuOrder<>();

  private LinkedNode<String, String> added(String key) {
    LinkedNode<String, String> node = new LinkedNode<>(key, "v-" + key);
    order.add(node);
    return node;
  }

  private void use(LinkedNode<String, String> node, int times) {
    for (int i = 0; i < times; i++) {
      order.touch(node);
    }
  }

  @Test
  void anEntryAloneAtItsCountKeepsItsBucketAsItCountsUp() {
    LinkedNode<String, String> cold = added("cold");
    LinkedNode<String, String> hot = added("hot");
    use(hot, 2);
    FrequencyBucket<String, String> hotBucket = hot.bucket;

    use(hot, 5);

    assertThat(hot.bucket).isSameAs(hotBucket);
    assertThat(hot.bucket.frequency).isEqualTo(8);
    assertThat(cold.bucket.frequency).isEqualTo(1);
    assertThat(order.victim(null)).isSameAs(cold);
    assertThat(order.victim(cold)).isSameAs(hot);
  }

  @Test
  void anEntryJoinsTheBucketAboveWhenOneHoldsTheNextCountAsItsMostRecent() {
    LinkedNode<String, String> first = added("first");
    LinkedNode<String, String> second = added("second");
    use(first, 3); // first alone at 4
    use(second, 2); // second alone at 3, just below

    use(second, 1);

    assertThat(second.bucket).isSameAs(first.bucket);
    assertThat(first.bucket.frequency).isEqualTo(4);
    // a tie at 4 goes to the least recently used: first reached 4 before second did
    assertThat(order.victim(null)).isSameAs(first);
    assertThat(order.size()).isEqualTo(2);
  }

  @Test
  void anEntrySharingItsBucketMovesToANewBucketAndLeavesTheOthers() {
    LinkedNode<String, String> stays = added("stays");
    LinkedNode<String, String> moves = added("moves");
    FrequencyBucket<String, String> shared = stays.bucket;

    use(moves, 1);

    assertThat(stays.bucket).isSameAs(shared);
    assertThat(shared.frequency).isEqualTo(1);
    assertThat(moves.bucket).isNotSameAs(shared);
    assertThat(moves.bucket.frequency).isEqualTo(2);
    assertThat(order.victim(null)).isSameAs(stays);
  }
}
