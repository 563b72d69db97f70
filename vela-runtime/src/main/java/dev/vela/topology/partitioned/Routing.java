package dev.vela.topology.partitioned;

import dev.vela.topology.ring.HashRing;
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
 * <p>The ring holds only the members of the view known to run this cache (and, for a while, those
 * presumed to, see {@link #presume}): a JVM in the cluster that never started it, or whose cache
 * has closed, gets no keys.
 *
 * <p>Members that come back after being apart from this node (the view lost them, or they lost
 * this node: a network partition, or a node stopped long enough to be excluded) may each have
 * taken writes the other did not see, whether or not this node noticed the split. Until such a
 * member has moved its keys for a ring that holds both, it is on the <em>other side</em>: the
 * owner of a key among the other side's members may hold a newer write of it than this node
 * (see {@link Partition}), and this node moves its own keys again even if its ring looks unchanged.
 */
final class Routing {
  /**
   * One view of the cluster.
   *
   * @param ring who owns each key now
   * @param previous who owned each key before the last change, while keys are moving; else null
   * @param awaiting members still moving keys to their new owners
   * @param otherSide the members of the other side, as a ring (see above); null when none
   */
  record State(HashRing ring, HashRing previous, Set<String> awaiting, HashRing otherSide) {}

  private final String self;
  private final Map<String, String> doneEarly = new HashMap<>(); // sender -> ring id, heard before our view
  private final Set<String> running = new HashSet<>(); // other members known to run this cache
  private final Set<String> presumed = new HashSet<>(); // taken to run it until they answer (see presume)
  private final Set<String> lost = new HashSet<>(); // members that ran this cache until a view lost them
  private final Set<String> otherSide = new HashSet<>(); // members back from being apart, until they moved their keys
  private boolean moveAgain; // the next update moves keys even if the ring is the same
  private List<String> lastMembers = List.of();
  /** Written under this object's lock, read without it: every state is immutable, and each read is one snapshot. */
  private volatile State state;
  private boolean leaving;

  Routing(String self) {
    this.self = self;
    this.state = new State(HashRing.of(List.of(self)), null, Set.of(), null);
  }

  /** The state now: read on every key's routing, so without the lock the updates take. */
  State state() {
    return state;
  }

  /** The ring now; as {@link #state}. */
  HashRing ring() {
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
    for (String member : running) {
      if (!members.contains(member)) {
        lost.add(member);
      }
    }
    running.retainAll(members);
    presumed.retainAll(members);
    otherSide.retainAll(members);
    lastMembers = List.copyOf(members);
    List<String> serving = members.stream()
        .filter(member -> member.equals(self) || running.contains(member) || presumed.contains(member)).toList();
    HashRing next = HashRing.of(serving.isEmpty() ? List.of(self) : serving);
    HashRing before = state.ring;
    if (next.members().equals(before.members()) && !firstView && !moveAgain) {
      return null;
    }
    moveAgain = false;
    if (firstView) {
      // a node that joins holds nothing yet: every other member may hold keys it now owns
      before = next.without(self);
    }
    Set<String> awaiting = new HashSet<>(before.members());
    awaiting.retainAll(next.members());
    awaiting.remove(self);
    String ringId = ringId(next);
    awaiting.removeIf(member -> ringId.equals(doneEarly.get(member)));
    doneEarly.keySet().retainAll(next.members());
    // a member back from apart that said it moved its keys for this ring before this node followed it
    otherSide.removeIf(member -> ringId.equals(doneEarly.get(member)) && next.contains(member));
    consumeDoneEarly(ringId);
    state = new State(next, awaiting.isEmpty() || before.isEmpty() ? null : before, Set.copyOf(awaiting),
        otherSideRing());
    return before;
  }

  /**
   * Forgets what members said before this node followed the ring with {@code ringId}, now that it
   * has counted it: a ring's id names only its members, and a ring with the same members comes
   * back after a member was apart and returned (a node stopped long enough to be excluded). A
   * member's word about the earlier ring, kept, would end the handover and the catch-up of the
   * later one at once, before that member had moved its keys for it, and reads here would serve
   * copies that writes made apart have replaced.
   */
  private void consumeDoneEarly(String ringId) {
    doneEarly.values().removeIf(ringId::equals);
  }

  /** True when {@code member} ran this cache until a view lost it: if it comes back, it was apart. */
  synchronized boolean wasLost(String member) {
    return lost.contains(member);
  }

  /**
   * {@code member} is back from being apart from this node: until it says it moved its keys for a
   * ring that holds both, it is on the other side, and the next update moves this node's keys
   * even if the ring is the same.
   */
  synchronized void backFromApart(String member) {
    if (member.equals(self) || leaving) {
      return;
    }
    lost.remove(member);
    otherSide.add(member);
    moveAgain = true;
    state = new State(state.ring, state.previous, state.awaiting, otherSideRing());
  }

  private HashRing otherSideRing() {
    return otherSide.isEmpty() ? null : HashRing.of(List.copyOf(otherSide));
  }

  /** {@code member} has moved its keys for the ring with {@code ringId}. */
  synchronized void handoverDone(String member, String ringId) {
    if (!ringId.equals(ringId(state.ring))) {
      doneEarly.put(member, ringId); // for a view we have not seen yet
      return;
    }
    HashRing side = state.ring.contains(member) && otherSide.remove(member) ? otherSideRing() : state.otherSide;
    Set<String> awaiting = new HashSet<>(state.awaiting);
    awaiting.remove(member);
    state = new State(state.ring, awaiting.isEmpty() ? null : state.previous, Set.copyOf(awaiting), side);
  }

  /**
   * The cache on {@code member} has closed while its node stays in the view: its keys were handed
   * over, and no key is routed to it any more. Returns true when the ring changed, so that this
   * node moves its keys for the new ring.
   */
  synchronized boolean depart(String member) {
    presumed.remove(member);
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
    consumeDoneEarly(ringId);
    doneEarly.remove(member);
    otherSide.remove(member); // it handed its keys over as it closed
    lost.remove(member);
    state = new State(ring, awaiting.isEmpty() ? null : state.previous, Set.copyOf(awaiting), otherSideRing());
    return true;
  }

  /**
   * {@code member} runs this cache (it started, or started again after it closed). Returns the
   * members of the last view to follow anew, so that it gets its keys; null when it was known.
   */
  synchronized List<String> running(String member) {
    presumed.remove(member);
    if (member.equals(self) || !running.add(member)) {
      return null;
    }
    return lastMembers.contains(member) ? lastMembers : null; // else the view that brings it follows
  }

  /**
   * {@code member}, in the view when this node's first ring is built, did not answer in time
   * whether it runs this cache: the ring holds it until it answers, as the rings of the members
   * that heard from it do. Left out, it would make this node the owner of keys that those members
   * route to it, and writes acknowledged here would be missed by reads there. A member that was
   * only slow soon says it runs the cache; one that was not running it says so, or never answers,
   * and then {@link #unpresume} leaves it out again.
   */
  synchronized void presume(String member) {
    if (!member.equals(self) && !running.contains(member)) {
      presumed.add(member);
    }
  }

  /** {@code member} said it does not run this cache, or never answered: returns true when the ring held it on presumption. */
  synchronized boolean unpresume(String member) {
    return presumed.remove(member);
  }

  /** True when {@code member} is known to run this cache (it said so, or answered that it does). */
  synchronized boolean knowsRunning(String member) {
    return running.contains(member);
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
    otherSide.clear();
    state = new State(state.ring.without(self), null, Set.of(), null);
    return state.ring;
  }

  /** A short name of a ring's member set, equal on every node that sees the same members. */
  static String ringId(HashRing ring) {
    return Integer.toHexString(String.join(",", ring.members()).hashCode()) + "/" + ring.members().size();
  }
}
