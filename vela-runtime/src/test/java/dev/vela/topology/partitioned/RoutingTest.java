package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.topology.ring.HashRing;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

  @Test
  void aJoiningNodeAsksOldOwnersUntilEveryOneIsDone() {
    Routing routing = new Routing("c");
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
    Routing routing = new Routing("a");
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
    Routing routing = new Routing("a");
    routing.update(List.of("a", "b"), true);
    assertThat(routing.update(List.of("b", "a"), false)).isNull();
  }

  @Test
  void aDepartedMemberGetsNoKeysUntilItRejoins() {
    Routing routing = new Routing("a");
    routing.update(List.of("a", "b"), true);
    routing.depart("b");
    assertThat(routing.ring().members()).containsExactly("a");
    assertThat(routing.update(List.of("a", "b"), false)).isNull(); // still departed

    assertThat(routing.rejoin("b")).containsExactly("a", "b");
    assertThat(routing.update(List.of("a", "b"), false)).isNotNull();
    assertThat(routing.ring().members()).containsExactly("a", "b");
    assertThat(routing.rejoin("b")).isNull();
  }

  @Test
  void aLeavingNodeRoutesEverythingToTheOthersAndIgnoresLaterViews() {
    Routing routing = new Routing("a");
    routing.update(List.of("a", "b", "c"), true);
    HashRing rest = routing.leave();
    assertThat(rest.members()).containsExactly("b", "c");
    assertThat(routing.update(List.of("a", "b", "c", "d"), false)).isNull();
    assertThat(routing.ring().members()).containsExactly("b", "c");
  }
}
