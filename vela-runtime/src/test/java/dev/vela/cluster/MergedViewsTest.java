package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jgroups.Address;
import org.jgroups.MergeView;
import org.jgroups.View;
import org.jgroups.ViewId;
import org.jgroups.stack.IpAddress;
import org.junit.jupiter.api.Test;

class MergedViewsTest {
  private final Address a = node(7801);
  private final Address b = node(7802);
  private final Address c = node(7803);

  private static Address node(int port) {
    try {
      return new IpAddress("127.0.0.1", port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static View view(Address coordinator, long id, Address... members) {
    return new View(new ViewId(coordinator, id), List.of(members));
  }

  private static MergeView merged(List<View> subgroups, Address... members) {
    return new MergeView(new ViewId(members[0], 10), List.of(members), subgroups);
  }

  @Test
  void aStoppedNodeThatKeptItsOldViewLearnsWhoHadExcludedIt() {
    // "b" was stopped and still holds the view of all three; "a" and "c" went on without it
    MergeView merge = merged(List.of(view(a, 3, a, b, c), view(a, 4, a, c)), a, b, c);

    assertThat(MergedViews.apartFrom(merge, b)).containsExactly(a.toString(), c.toString());
    assertThat(MergedViews.apartFrom(merge, a)).as("a's own side holds c, and its subgroups name b only beside a")
        .isEmpty();
  }

  @Test
  void twoSidesOfACutSeeEachOtherAsApart() {
    MergeView merge = merged(List.of(view(a, 4, a, c), view(b, 4, b)), a, b, c);

    assertThat(MergedViews.apartFrom(merge, a)).containsExactly(b.toString());
    assertThat(MergedViews.apartFrom(merge, c)).containsExactly(b.toString());
    assertThat(MergedViews.apartFrom(merge, b)).containsExactlyInAnyOrder(a.toString(), c.toString());
  }

  @Test
  void aMemberOfAnotherSideThatDidNotMakeItIntoTheMergedViewIsLeftOut() {
    MergeView merge = merged(List.of(view(a, 4, a), view(b, 4, b, c)), a, b);

    assertThat(MergedViews.apartFrom(merge, a)).containsExactly(b.toString());
  }
}
