package dev.vela.cluster;

import org.jgroups.Address;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.ProtocolStack;

/** Network faults between cluster nodes of this JVM, made with JGroups' own DISCARD protocol. */
public final class NetworkFaults {
  private NetworkFaults() {}

  /**
   * Splits {@code a} and {@code b}: each drops every message from the other, right above the
   * transport, until the returned heal runs. Their failure detectors then see each other as gone.
   */
  public static Runnable split(VelaCluster a, VelaCluster b) {
    DISCARD atA = dropFrom(a, b);
    DISCARD atB = dropFrom(b, a);
    return () -> {
      atA.resetIgnoredMembers();
      atB.resetIgnoredMembers();
    };
  }

  private static DISCARD dropFrom(VelaCluster node, VelaCluster other) {
    Address otherAddress = node.jgroupsChannel().getView().getMembers().stream()
        .filter(member -> member.toString().equals(other.localMember()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(other.localMember() + " is not in the view of " + node.localMember()));
    DISCARD discard = new DISCARD();
    try {
      node.jgroupsChannel().getProtocolStack().insertProtocol(discard, ProtocolStack.Position.ABOVE, TCP.class);
    } catch (Exception e) {
      throw new IllegalStateException("could not add DISCARD to " + node.localMember(), e);
    }
    discard.addIgnoreMember(otherAddress);
    return discard;
  }
}
