package dev.vela.topology.partitioned;

import dev.vela.topology.ring.HashRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which node owns which key, now and, while keys are still moving after a view change, before it:
 * the current ring, the previous ring, and the members whose handover of that change is not done.
 * When every member that held keys before has said it is done, the previous ring is dropped.
 *
 * <p>The ring holds only the members of the view known to run this cache: a JVM in the cluster
 * that never started it, or whose cache has closed, gets no keys.
 */
final class Routing {
  /**
   * One view of the cluster.
   *
   * @param ring who owns each key now
   * @param previous who owned each key before the last change, while keys are moving; else null
   * @param awaiting members still moving keys to their new owners
   * @param otherSides after views that formed apart merged, and until every member has moved its
   *     keys for the merged ring, the rings of the other sides: the owner of a key on such a ring
   *     may hold a newer write of it than this node. Empty otherwise
   */
  record State(HashRing ring, HashRing previous, Set<String> awaiting, List<HashRing> otherSides) {}

  private final String self;
  private final Map<String, String> doneEarly = new HashMap<>(); // sender -> ring id, heard before our view
  private final Set<String> running = new HashSet<>(); // other members known to run this cache
  private final Set<String> doneForCurrent = new HashSet<>(); // said done for the current ring when not awaited
  private List<List<String>> mergedSides = List.of(); // for the next update, after a merge
  private List<String> lastMembers = List.of();
  private State state;
  private boolean leaving;

  Routing(String self) {
    this.self = self;
    this.state = new State(HashRing.of(List.of(self)), null, Set.of(), List.of());
  }

  synchronized State state() {
    return state;
  }

  synchronized HashRing ring() {
    return state.ring;
  }

  /**
   * Follows a new view. Returns the ring before it, or null when the view changes no owner (or this
   * node is leaving, and so no longer follows views).
   */
  synchronized HashRing update(List<String> members, boolean firstView) {
    if (leaving) {
      return null;
    }
    running.retainAll(members);
    lastMembers = List.copyOf(members);
    List<String> serving = members.stream().filter(member -> member.equals(self) || running.contains(member)).toList();
    HashRing next = HashRing.of(serving.isEmpty() ? List.of(self) : serving);
    HashRing before = state.ring;
    boolean merge = !mergedSides.isEmpty();
    if (next.members().equals(before.members()) && !firstView && !merge) {
      return null;
    }
    if (firstView) {
      // a node that joins holds nothing yet: every other member may hold keys it now owns
      before = next.without(self);
    }
    Set<String> awaiting = new HashSet<>(before.members());
    awaiting.retainAll(next.members());
    awaiting.remove(self);
    String ringId = ringId(next);
    awaiting.removeIf(member -> ringId.equals(doneEarly.get(member)));
    if (merge && next.members().equals(before.members())) {
      // the ring did not change here, so a member may have moved its keys for it before this update
      awaiting.removeAll(doneForCurrent);
    }
    doneForCurrent.clear();
    doneEarly.keySet().retainAll(next.members());
    List<HashRing> sides = merge ? sideRings(mergedSides) : state.otherSides;
    mergedSides = List.of();
    state = new State(next, awaiting.isEmpty() || before.isEmpty() ? null : before, Set.copyOf(awaiting),
        awaiting.isEmpty() ? List.of() : sides);
    return before;
  }

  /**
   * Views that formed apart merge with the next update: it counts as a change of the ring even
   * when the members are the same, and until every member has moved its keys for it, the owners of
   * a key on {@code otherSides} (the other views' members) may hold newer writes than this node.
   */
  synchronized void merged(List<List<String>> otherSides) {
    mergedSides = List.copyOf(otherSides);
  }

  private List<HashRing> sideRings(List<List<String>> sides) {
    List<HashRing> rings = new ArrayList<>();
    for (List<String> side : sides) {
      if (!side.isEmpty()) {
        rings.add(HashRing.of(side));
      }
    }
    return List.copyOf(rings);
  }

  /** {@code member} has moved its keys for the ring with {@code ringId}. */
  synchronized void handoverDone(String member, String ringId) {
    if (!ringId.equals(ringId(state.ring))) {
      doneEarly.put(member, ringId); // for a view we have not seen yet
      return;
    }
    if (state.awaiting.contains(member)) {
      Set<String> awaiting = new HashSet<>(state.awaiting);
      awaiting.remove(member);
      state = awaiting.isEmpty()
          ? new State(state.ring, null, Set.of(), List.of())
          : new State(state.ring, state.previous, Set.copyOf(awaiting), state.otherSides);
    } else {
      doneForCurrent.add(member); // perhaps for a merge whose view this node has not followed yet
    }
  }

  /**
   * The cache on {@code member} has closed while its node stays in the view: its keys were handed
   * over, and no key is routed to it any more. Returns true when the ring changed, so that this
   * node moves its keys for the new ring.
   */
  synchronized boolean depart(String member) {
    if (member.equals(self) || !running.remove(member)) {
      return false;
    }
    // a handover of an earlier change may still be under way: new owners keep asking the previous
    // ones (the departed member aside) until those say they are done, for the ring without it
    HashRing ring = state.ring.without(member);
    String ringId = ringId(ring);
    Set<String> awaiting = new HashSet<>(state.awaiting);
    awaiting.remove(member);
    awaiting.removeIf(other -> ringId.equals(doneEarly.get(other)));
    doneEarly.remove(member);
    state = new State(ring, awaiting.isEmpty() ? null : state.previous, Set.copyOf(awaiting),
        awaiting.isEmpty() ? List.of() : state.otherSides);
    return true;
  }

  /**
   * {@code member} runs this cache (it started, or started again after it closed). Returns the
   * members of the last view to follow anew, so that it gets its keys; null when it was known.
   */
  synchronized List<String> running(String member) {
    if (member.equals(self) || !running.add(member)) {
      return null;
    }
    return lastMembers.contains(member) ? lastMembers : null; // else the view that brings it follows
  }

  /** The members of the last view followed, whether or not they run this cache. */
  synchronized List<String> lastMembers() {
    return lastMembers;
  }

  /** True once this node has begun to leave. */
  synchronized boolean isLeaving() {
    return leaving;
  }

  /** This node leaves: from now on its keys belong to the others, and views no longer change that. */
  synchronized HashRing leave() {
    leaving = true;
    state = new State(state.ring.without(self), null, Set.of(), List.of());
    return state.ring;
  }

  /** A short name of a ring's member set, equal on every node that sees the same members. */
  static String ringId(HashRing ring) {
    return Integer.toHexString(String.join(",", ring.members()).hashCode()) + "/" + ring.members().size();
  }
}
