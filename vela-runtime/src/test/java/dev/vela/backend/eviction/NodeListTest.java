package dev.vela.backend.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stretches of an approximate list: which nodes count as recent, and that a list still knows its nodes. */
class NodeListTest {

  private static List<OrderNode<Integer>> filled(NodeList<OrderNode<Integer>> list, int count) {
    List<OrderNode<Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OrderNode<Integer> node = new OrderNode<>(i, i);
      list.addLast(node);
      nodes.add(node);
    }
    return nodes;
  }

  /** The nodes from first to last. */
  private static List<Integer> order(NodeList<OrderNode<Integer>> list) {
    List<Integer> elements = new ArrayList<>();
    for (OrderNode<Integer> node = list.first(); node != null; node = node.nextInOrder()) {
      elements.add(node.element());
    }
    return elements;
  }

  @Test
  void onlyNodesMadeLastWithinTheLastSixteenthAreRecent() {
    NodeList<OrderNode<Integer>> list = new NodeList<>(true);
    List<OrderNode<Integer>> nodes = filled(list, 320);

    List<Integer> recent = new ArrayList<>();
    for (OrderNode<Integer> node : nodes) {
      if (list.isRecent(node)) {
        recent.add(node.element());
      }
    }

    assertThat(recent).as("a stretch holds at most a sixteenth of the list and one more").isNotEmpty()
        .hasSizeLessThanOrEqualTo(320 / 16 + 1);
    int oldestRecent = recent.get(0);
    assertThat(recent).as("the recent nodes are the last ones made last")
        .containsExactlyElementsOf(order(list).subList(oldestRecent, 320));
    assertThat(list.isRecent(nodes.get(0))).isFalse();
  }

  @Test
  void aNodeMovedToTheEndIsRecentAndEveryNodeStillNamesItsList() {
    NodeList<OrderNode<Integer>> list = new NodeList<>(true);
    List<OrderNode<Integer>> nodes = filled(list, 100);
    OrderNode<Integer> oldest = nodes.get(0);

    list.moveToLast(oldest);

    assertThat(list.isRecent(oldest)).isTrue();
    assertThat(order(list).get(99)).isZero();
    assertThat(nodes).allSatisfy(node -> assertThat(NodeList.<OrderNode<Integer>>of(node.orderList())).isSameAs(list));
    assertThat(list.size()).isEqualTo(100);
  }

  @Test
  void aShortListAndAnExactListHaveNoRecentNodes() {
    NodeList<OrderNode<Integer>> shortList = new NodeList<>(true);
    List<OrderNode<Integer>> few = filled(shortList, NodeList.EXACT_BELOW - 1);
    NodeList<OrderNode<Integer>> exact = new NodeList<>();
    List<OrderNode<Integer>> many = filled(exact, 1000);

    assertThat(few).noneMatch(shortList::isRecent);
    assertThat(many).noneMatch(exact::isRecent).allMatch(node -> node.orderList() == exact);
  }

  @Test
  void aReplacementTakesThePlaceAndStretchOfTheNodeItReplaces() {
    NodeList<OrderNode<Integer>> list = new NodeList<>(true);
    List<OrderNode<Integer>> nodes = filled(list, 64);
    OrderNode<Integer> last = nodes.get(63);
    OrderNode<Integer> replacement = new OrderNode<>(1000, 1000);

    list.replace(last, replacement);

    assertThat(list.isRecent(replacement)).isTrue();
    assertThat(last.isTracked()).isFalse();
    assertThat(order(list).get(63)).isEqualTo(1000);
    list.unlink(replacement);
    assertThat(list.size()).isEqualTo(63);
  }

  @Test
  void lruReadsOfRecentEntriesDoNotReorderButOlderOnesDo() {
    LruOrder<OrderNode<Integer>> lru = new LruOrder<>(1000);
    List<OrderNode<Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      nodes.add(OrderNodes.add(lru, i, i, 1));
    }

    lru.touch(nodes.get(199)); // already last
    lru.touch(nodes.get(195)); // among the last sixteenth: stays
    lru.touch(nodes.get(0)); // the least recent: moves to the end

    lru.add(new OrderNode<>(-1, -1), 1000); // over the maximum: the victim is the least recent
    assertThat(lru.victim().element()).isEqualTo(1);
  }
}
