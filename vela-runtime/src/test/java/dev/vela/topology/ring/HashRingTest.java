package dev.vela.topology.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vela.codec.Codecs;
import dev.vela.codec.StableHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashRingTest {
  private static final int KEYS = 100_000;

  private static long hashOf(int i) {
    return StableHash.ofKey(Codecs.STRING, "key-" + i);
  }

  private static Map<String, Integer> load(HashRing ring) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      counts.merge(ring.ownerOf(hashOf(i)), 1, Integer::sum);
    }
    return counts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"node-a,node-b,node-c", "127.0.0.1:7800,127.0.0.1:7801,127.0.0.1:7802", "alpha,beta,gamma"})
  void threeNodesShareOneHundredThousandKeysWithinFifteenPercentOfTheMean(String names) {
    HashRing ring = HashRing.of(List.of(names.split(",")));
    Map<String, Integer> counts = load(ring);

    double mean = KEYS / 3.0;
    assertThat(counts).hasSize(3);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo((int) (mean * 1.15)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"node-a,node-b,node-c", "127.0.0.1:7800,127.0.0.1:7801,127.0.0.1:7802"})
  void aFourthNodeTakesAtMostAQuarterPlusFivePercentOfTheKeys(String names) {
    HashRing three = HashRing.of(List.of(names.split(",")));
    HashRing four = three.with("node-d");
    int moved = 0;
    for (int i = 0; i < KEYS; i++) {
      String before = three.ownerOf(hashOf(i));
      String after = four.ownerOf(hashOf(i));
      if (!before.equals(after)) {
        moved++;
        assertThat(after).as("a key only ever moves to the new node").isEqualTo("node-d");
      }
    }
    assertThat(moved).isPositive().isLessThanOrEqualTo((int) (KEYS * 0.30));
  }

  @Test
  void removingANodeMovesOnlyItsOwnKeys() {
    HashRing four = HashRing.of(List.of("a", "b", "c", "d"));
    HashRing three = four.without("b");
    for (int i = 0; i < 10_000; i++) {
      String before = four.ownerOf(hashOf(i));
      String after = three.ownerOf(hashOf(i));
      if (!before.equals("b")) {
        assertThat(after).isEqualTo(before);
      } else {
        assertThat(after).isNotEqualTo("b");
      }
    }
  }

  @Test
  void membersInAnyOrderGiveTheSameOwners() {
    HashRing one = HashRing.of(List.of("x", "y", "z"));
    HashRing other = HashRing.of(List.of("z", "x", "y"));
    for (int i = 0; i < 10_000; i++) {
      assertThat(other.ownerOf(hashOf(i))).isEqualTo(one.ownerOf(hashOf(i)));
    }
    assertThat(one.members()).containsExactly("x", "y", "z");
  }

  @Test
  void extremeHashesWrapAroundToARealOwner() {
    HashRing ring = HashRing.of(List.of("x", "y"));
    assertThat(ring.ownerOf(-1L)).isIn("x", "y");
    assertThat(ring.ownerOf(0L)).isIn("x", "y");
    assertThat(ring.ownerOf(Long.MIN_VALUE)).isIn("x", "y");
    assertThat(ring.ownerOf(-1L)).isEqualTo(ring.ownerOf(0L)); // both before the first point after 0
  }

  @Test
  void sharesAddUpToTheWholeRingAndFollowTheKeys() {
    HashRing ring = HashRing.of(List.of("a", "b", "c"));
    Map<String, Double> shares = ring.shares();
    assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    Map<String, Integer> counts = load(ring);
    shares.forEach((member, share) -> assertThat(counts.get(member) / (double) KEYS).isCloseTo(share, within(0.02)));
    assertThat(HashRing.of(List.of("solo")).shares()).containsEntry("solo", 1.0);
  }

  @Test
  void anEmptyRingHasNoOwnerAndBadNamesAreRefused() {
    assertThat(HashRing.of(List.of()).isEmpty()).isTrue();
    assertThatThrownBy(() -> HashRing.of(List.of()).ownerOf(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no members");
    assertThatThrownBy(() -> HashRing.of(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-blank");
    assertThatThrownBy(() -> HashRing.of(List.of("a"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("virtualNodes");
  }

  @Test
  void ownersOfStartWithTheOwnerAndNameDistinctMembersUpToTheRingSize() {
    HashRing ring = HashRing.of(List.of("a", "b", "c"));
    for (int i = 0; i < 200; i++) {
      long hash = StableHash.hash64(("key" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      List<String> two = ring.ownersOf(hash, 2);
      assertThat(two).hasSize(2).doesNotHaveDuplicates();
      assertThat(two.get(0)).isEqualTo(ring.ownerOf(hash));
      assertThat(ring.ownersOf(hash, 5)).hasSize(3).startsWith(two.get(0), two.get(1));
    }
    assertThatThrownBy(() -> ring.ownersOf(1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
  }

  @Test
  void whenAnOwnerLeavesItsFirstBackupOwnsTheKey() {
    HashRing ring = HashRing.of(List.of("a", "b", "c", "d"));
    for (int i = 0; i < 200; i++) {
      long hash = StableHash.hash64(("key" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      List<String> replicas = ring.ownersOf(hash, 2);
      assertThat(ring.without(replicas.get(0)).ownerOf(hash)).isEqualTo(replicas.get(1));
    }
  }
}
