package dev.vela.cluster;

import java.util.Set;
import java.util.TreeSet;
import org.jgroups.Address;
import org.jgroups.MergeView;
import org.jgroups.View;

/** What a merged view tells a node about the views it merged. */
final class MergedViews {
  private MergedViews() {}

  /**
   * The members of {@code merged} that were in a view without {@code self} before it: each of them
   * had lost this node, or never had it, whether or not this node's own view had lost them (a node
   * stopped while the others excluded it still holds its view of before). Empty when the merge
   * brought no view without this node.
   */
  static Set<String> apartFrom(MergeView merged, Address self) {
    Set<String> apart = new TreeSet<>();
    for (View subgroup : merged.getSubgroups()) {
      if (!subgroup.containsMember(self)) {
        for (Address member : subgroup.getMembers()) {
          if (merged.containsMember(member) && !member.equals(self)) {
            apart.add(member.toString());
          }
        }
      }
    }
    return apart;
  }
}
