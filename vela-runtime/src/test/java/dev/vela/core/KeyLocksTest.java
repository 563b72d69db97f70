package dev.vela.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyLocksTest {
  private final KeyLocks locks = new KeyLocks("locked");

  @Test
  void stripesAreAscendingWithoutRepeats() {
    List<Integer> keys = IntStream.range(0, 500).boxed().toList();

    int[] stripes = locks.stripesOf(keys);

    assertThat(stripes).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(KeyLocks.STRIPES);
    assertThat(locks.stripesOf(List.of("x", "x"))).hasSize(1);
  }

  @Test
  void writesTakeNoLockWhileNoLockSetIsActive() {
    int token = locks.beginWrite("k");

    assertThat(token).as("fast path").isNotNegative();
    locks.endWrite(token);
  }

  @Test
  void writesTakeTheStripeWhileALockSetIsActive() {
    int[] stripes = locks.stripesOf(List.of("k"));
    locks.lock(stripes, "a transaction");
    try {
      int token = locks.beginWrite("k");
      assertThat(token).as("locked path").isNegative();
      locks.endWrite(token);
    } finally {
      locks.unlock(stripes);
    }

    int token = locks.beginWrite("k");
    assertThat(token).as("fast again").isNotNegative();
    locks.endWrite(token);
  }

  @Test
  void nestedLockSetsMustStayWithinTheOuterOne() {
    int[] outer = locks.stripesOf(List.of("a"));
    int[] other = otherStripe(outer[0]);
    locks.lock(outer, "a transaction");
    try {
      locks.lock(outer, "a transaction");
      locks.unlock(outer);
      assertThatThrownBy(() -> locks.lock(other, "putAll"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("putAll inside a transaction on cache 'locked'");
    } finally {
      locks.unlock(outer);
    }
    locks.lock(other, "putAll"); // the outer set is gone, so this is a fresh one
    locks.unlock(other);
  }

  private int[] otherStripe(int stripe) {
    for (int i = 0; ; i++) {
      int[] candidate = locks.stripesOf(List.of("key" + i));
      if (candidate[0] != stripe) {
        return candidate;
      }
    }
  }
}
