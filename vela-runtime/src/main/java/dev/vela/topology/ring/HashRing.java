package dev.vela.topology.ring;

import dev.vela.codec.StableHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An immutable consistent-hash ring with virtual nodes. Each member is placed at {@code
 * virtualNodes} points, the {@link StableHash} of {@code "<member>#<i>"}; a key belongs to the
 * first point at or after its hash, wrapping around. Adding a member moves only the keys that land
 * on the new member's points, about {@code 1/(n+1)} of them; removing one moves only its own keys.
 *
 * <p>The ring depends on member names alone, never on the order they are given in, so two JVMs with
 * the same members agree on every owner.
 */
public final class HashRing {
  /** Points per member: enough that with three members the busiest holds well under 1.15x the mean. */
  public static final int DEFAULT_VIRTUAL_NODES = 256;

  private static final HashRing EMPTY = new HashRing(List.of(), new long[0], new String[0]);

  private final List<String> members;
  private final long[] points;
  private final String[] owners;

  private HashRing(List<String> members, long[] points, String[] owners) {
    this.members = members;
    this.points = points;
    this.owners = owners;
  }

  /** A ring of {@code members} with {@link #DEFAULT_VIRTUAL_NODES} points each. */
  public static HashRing of(Collection<String> members) {
    return of(members, DEFAULT_VIRTUAL_NODES);
  }

  /**
   * A ring of {@code members}, each at {@code virtualNodes} points.
   *
   * @throws IllegalArgumentException when a member is null or blank, or virtualNodes is below 1
   */
  public static HashRing of(Collection<String> members, int virtualNodes) {
    Objects.requireNonNull(members, "members");
    if (virtualNodes < 1) {
      throw new IllegalArgumentException("virtualNodes must be at least 1, was " + virtualNodes);
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String member : members) {
      if (member == null || member.isBlank()) {
        throw new IllegalArgumentException("ring members must be non-blank names, got " + members);
      }
      sorted.add(member);
    }
    if (sorted.isEmpty()) {
      return EMPTY;
    }
    int count = sorted.size() * virtualNodes;
    long[] hashes = new long[count];
    String[] byPoint = new String[count];
    int i = 0;
    for (String member : sorted) {
      for (int v = 0; v < virtualNodes; v++) {
        hashes[i] = StableHash.hash64((member + "#" + v).getBytes(StandardCharsets.UTF_8));
        byPoint[i] = member;
        i++;
      }
    }
    // sort points with their owners; ties (practically never) go to the smaller name, as on every JVM
    Integer[] order = new Integer[count];
    for (int k = 0; k < count; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> {
      int byHash = Long.compareUnsigned(hashes[a], hashes[b]);
      return byHash != 0 ? byHash : byPoint[a].compareTo(byPoint[b]);
    });
    long[] points = new long[count];
    String[] owners = new String[count];
    for (int k = 0; k < count; k++) {
      points[k] = hashes[order[k]];
      owners[k] = byPoint[order[k]];
    }
    return new HashRing(List.copyOf(sorted), points, owners);
  }

  /** The members, sorted by name. */
  public List<String> members() {
    return members;
  }

  /** True when the ring has no member, so no key has an owner. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** True when {@code member} is on the ring. */
  public boolean contains(String member) {
    return members.contains(member);
  }

  /**
   * The member that owns a key with this {@link StableHash}.
   *
   * @throws IllegalStateException when the ring is empty
   */
  public String ownerOf(long keyHash) {
    return owners[pointOf(keyHash)];
  }

  /**
   * The owner of a key with this {@link StableHash} followed by the next distinct members
   * clockwise, {@code count} in all (fewer when the ring has fewer members): the owner and its
   * backups. When the owner leaves, its first backup is the key's next owner.
   *
   * @throws IllegalArgumentException when count is below 1
   * @throws IllegalStateException when the ring is empty
   */
  public List<String> ownersOf(long keyHash, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    int first = pointOf(keyHash);
    int wanted = Math.min(count, members.size());
    List<String> chosen = new ArrayList<>(wanted);
    for (int step = 0; step < points.length && chosen.size() < wanted; step++) {
      String member = owners[(first + step) % points.length];
      if (!chosen.contains(member)) {
        chosen.add(member);
      }
    }
    return List.copyOf(chosen);
  }

  private int pointOf(long keyHash) {
    if (points.length == 0) {
      throw new IllegalStateException("the ring has no members, so no key has an owner");
    }
    int low = 0;
    int high = points.length - 1;
    if (Long.compareUnsigned(keyHash, points[high]) > 0) {
      return 0; // past the last point: wrap around
    }
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Long.compareUnsigned(points[mid], keyHash) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** A ring with {@code member} added (itself when already there), with the same points per member. */
  public HashRing with(String member) {
    if (members.contains(member)) {
      return this;
    }
    List<String> grown = new java.util.ArrayList<>(members);
    grown.add(member);
    return of(grown, virtualNodes());
  }

  /** A ring without {@code member} (itself when not there), with the same points per member. */
  public HashRing without(String member) {
    if (!members.contains(member)) {
      return this;
    }
    List<String> shrunk = new java.util.ArrayList<>(members);
    shrunk.remove(member);
    return shrunk.isEmpty() ? EMPTY : of(shrunk, virtualNodes());
  }

  /** The share of the hash space each member owns, from 0.0 to 1.0, for {@code inspect()}. */
  public Map<String, Double> shares() {
    Map<String, Double> shares = new HashMap<>();
    if (members.size() == 1) {
      shares.put(members.get(0), 1.0);
      return shares;
    }
    for (int k = 0; k < points.length; k++) {
      // point k owns the arc after the previous point up to itself; the first one wraps around
      long previous = k == 0 ? points[points.length - 1] : points[k - 1];
      shares.merge(owners[k], unsigned(points[k] - previous) / 0x1p64, Double::sum);
    }
    return shares;
  }

  private int virtualNodes() {
    return members.isEmpty() ? DEFAULT_VIRTUAL_NODES : points.length / members.size();
  }

  private static double unsigned(long value) {
    return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
  }

  @Override
  public String toString() {
    return "HashRing" + members + " (" + virtualNodes() + " points each)";
  }
}
