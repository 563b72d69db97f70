package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.topology.ring.HashRing;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

  @Test
  void aJoiningNodeAsksOldOwnersUntilEveryOneIsDone() {
    Routing routing = routing("c", "a", "b");
    HashRing before = routing.update(List.of("a", "b", "c"), true);

    assertThat(before.members()).containsExactly("a", "b");
    assertThat(routing.state().previous()).isNotNull();
    assertThat(routing.state().awaiting()).containsExactlyInAnyOrder("a", "b");
    String ringId = Routing.ringId(routing.ring());
    routing.handoverDone("a", ringId);
    assertThat(routing.state().previous()).isNotNull();
    routing.handoverDone("b", ringId);
    assertThat(routing.state().previous()).isNull();
    assertThat(routing.state().awaiting()).isEmpty();
  }

  @Test
  void aHandoverDoneHeardBeforeItsViewCountsWhenTheViewArrives() {
    Routing routing = routing("a", "b", "c");
    routing.update(List.of("a", "b"), true);
    routing.handoverDone("b", Routing.ringId(routing.ring()));
    String nextId = Routing.ringId(HashRing.of(List.of("a", "b", "c")));
    routing.handoverDone("b", nextId); // b saw the view with c first

    routing.update(List.of("a", "b", "c"), false);

    assertThat(routing.state().awaiting()).isEmpty();
    assertThat(routing.state().previous()).isNull();
  }

  @Test
  void aViewWithTheSameMembersChangesNothing() {
    Routing routing = routing("a", "b");
    routing.update(List.of("a", "b"), true);
    assertThat(routing.update(List.of("b", "a"), false)).isNull();
  }

  @Test
  void aDepartedMemberGetsNoKeysUntilItRejoins() {
    Routing routing = routing("a", "b");
    routing.update(List.of("a", "b"), true);
    routing.depart("b");
    assertThat(routing.ring().members()).containsExactly("a");
    assertThat(routing.update(List.of("a", "b"), false)).isNull(); // still departed

    assertThat(routing.running("b")).containsExactly("a", "b");
    assertThat(routing.update(List.of("a", "b"), false)).isNotNull();
    assertThat(routing.ring().members()).containsExactly("a", "b");
    assertThat(routing.running("b")).isNull();
  }

  @Test
  void aMemberNotKnownToRunTheCacheGetsNoKeys() {
    Routing routing = routing("a", "b");
    routing.update(List.of("a", "b", "c"), true);
    assertThat(routing.ring().members()).containsExactly("a", "b");

    assertThat(routing.running("c")).containsExactly("a", "b", "c");
    routing.update(routing.lastMembers(), false);
    assertThat(routing.ring().members()).containsExactly("a", "b", "c");
  }

  @Test
  void aMemberThatLeftTheViewMustAnnounceItselfAgain() {
    Routing routing = routing("a", "b");
    routing.update(List.of("a", "b"), true);
    routing.update(List.of("a"), false);
    routing.update(List.of("a", "b"), false);
    assertThat(routing.ring().members()).containsExactly("a");
  }

  /** Routing for {@code self}, knowing that {@code others} run the cache. */
  private static Routing routing(String self, String... others) {
    Routing routing = new Routing(self);
    for (String other : others) {
      routing.running(other);
    }
    return routing;
  }

  @Test
  void aLeavingNodeRoutesEverythingToTheOthersAndIgnoresLaterViews() {
    Routing routing = routing("a", "b", "c", "d");
    routing.update(List.of("a", "b", "c"), true);
    HashRing rest = routing.leave();
    assertThat(rest.members()).containsExactly("b", "c");
    assertThat(routing.update(List.of("a", "b", "c", "d"), false)).isNull();
    assertThat(routing.ring().members()).containsExactly("b", "c");
  }

  @Test
  void aMemberTheViewLostIsBackFromApartWhenItReturns() {
    Routing routing = routing("a", "b", "c");
    routing.update(List.of("a", "b", "c"), true);
    assertThat(routing.wasLost("c")).isFalse();
    routing.update(List.of("a", "b"), false); // c was excluded: stopped, or cut off
    assertThat(routing.wasLost("c")).isTrue();
    assertThat(routing.wasLost("b")).isFalse();
  }

  @Test
  void aNodeThatNeverSawTheSplitMovesItsKeysAgainAndLooksAcrossUntilTheOtherSideIsDone() {
    Routing routing = routing("c", "a", "b"); // c was stopped: its view never lost a or b
    routing.update(List.of("a", "b", "c"), true);
    String ringId = Routing.ringId(routing.ring());
    routing.handoverDone("a", ringId);
    routing.handoverDone("b", ringId);
    assertThat(routing.state().otherSide()).isNull();

    routing.backFromApart("a"); // a lost c and asks again
    routing.backFromApart("b");
    assertThat(routing.state().otherSide().members()).containsExactlyInAnyOrder("a", "b");
    assertThat(routing.update(List.of("a", "b", "c"), false)).as("the same ring, moved again").isNotNull();
    assertThat(routing.update(List.of("a", "b", "c"), false)).as("once").isNull();

    routing.handoverDone("a", ringId);
    assertThat(routing.state().otherSide().members()).containsExactly("b");
    routing.handoverDone("b", ringId);
    assertThat(routing.state().otherSide()).isNull();
  }

  @Test
  void aMemberOnTheOtherSideThatLeavesTheViewIsNoLongerAsked() {
    Routing routing = routing("a", "b", "c");
    routing.update(List.of("a", "b", "c"), true);
    routing.backFromApart("c");
    routing.update(List.of("a", "b"), false);
    assertThat(routing.state().otherSide()).isNull();
  }
}
