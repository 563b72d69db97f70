package dev.vela.topology.version;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.util.Objects;

/**
 * When a write happened, as every node orders it: a hybrid logical clock stamp, then the writing
 * node's name to break ties. The later version wins, on every node alike, so copies converge.
 *
 * @param stamp the {@link HybridClock} stamp of the write
 * @param node the member that made the write
 */
public record Version(long stamp, String node) implements Comparable<Version> {

  public Version {
    Objects.requireNonNull(node, "node");
  }

  @Override
  public int compareTo(Version other) {
    int byStamp = Long.compare(stamp, other.stamp);
    return byStamp != 0 ? byStamp : node.compareTo(other.node);
  }

  /** True when this version is later than {@code other}; everything is later than null. */
  public boolean isAfter(Version other) {
    return other == null || compareTo(other) > 0;
  }

  /** The later of two versions, either of which may be null. */
  public static Version latest(Version a, Version b) {
    return a == null ? b : a.isAfter(b) ? a : b;
  }

  /** Writes this version as {@link #read} reads it. */
  public void write(CodecOutput out) {
    out.writeVarLong(stamp);
    out.writeString(node);
  }

  /** Reads a version written by {@link #write}. */
  public static Version read(CodecInput in) {
    return new Version(in.readVarLong(), in.readString());
  }
}
