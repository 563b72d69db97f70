package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.EvictionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under load a cache replays only some reads into its order: which orders may sample their reads,
 * and which reads must never be skipped (a promotion).
 */
class SampledReadsTest {
  private final List<String> evicted = new ArrayList<>();

  private OrderNode<String> write(EvictionOrder<OrderNode<String>> order, String key) {
    return OrderNodes.write(order, key, evicted);
  }

  @Test
  void onlyLfuMustSeeEveryRead() {
    assertThat(EvictionOrder.<OrderNode<String>>of(EvictionPolicy.ADAPTIVE, 10).samplesRecency()).isTrue();
    assertThat(EvictionOrder.<OrderNode<String>>of(EvictionPolicy.LRU, 10).samplesRecency()).isTrue();
    assertThat(EvictionOrder.<OrderNode<String>>of(EvictionPolicy.LFU, 10).samplesRecency()).isFalse();
  }

  @Test
  void aReadOnProbationMustBeReplayedAndOtherReadsMayBeSkipped() {
    AdaptiveOrder<OrderNode<String>> order = new AdaptiveOrder<>(3, 1);
    OrderNode<String> first = write(order, "first");
    OrderNode<String> second = write(order, "second");
    assertThat(first.orderList()).as("the window's overflow went to probation").isNotSameAs(second.orderList());

    assertThat(order.mustReplay(second)).as("in the window: only its recency is at stake").isFalse();
    assertThat(order.mustReplay(first)).as("on probation: a read promotes it").isTrue();
    order.touch(first);
    assertThat(order.mustReplay(first)).as("promoted: protected").isFalse();

    LruOrder<OrderNode<String>> lru = new LruOrder<>(3);
    assertThat(lru.mustReplay(OrderNodes.add(lru, "any", 1, 1))).isFalse();
  }
}
