package dev.vela.cluster;

import dev.vela.config.HostList;
import java.util.List;
import java.util.Objects;

/**
 * Who must be in the cluster before a cache's {@code create()} returns: nobody, a number of
 * members, or members at given addresses.
 */
public sealed interface RequiredMembers {

  /** Nothing to wait for. */
  RequiredMembers NONE = new Count(1);

  /**
   * At least {@code members} members, this one included.
   *
   * @param members how many, at least 1
   */
  record Count(int members) implements RequiredMembers {
    /** Checks the count. */
    public Count {
      if (members < 1) {
        throw new IllegalArgumentException("requireMembers must be a count of at least 1, was " + members);
      }
    }
  }

  /**
   * Members listening at each of these addresses.
   *
   * @param addresses as {@code host:port}, such as {@code 127.0.0.1:7800}
   */
  record Hosts(List<String> addresses) implements RequiredMembers {
    /** Copies the list. */
    public Hosts {
      addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
    }
  }

  /**
   * Parses {@code requireMembers}: a count such as {@code 3}, or hosts as {@code host[port],...}.
   *
   * @throws IllegalArgumentException when it is neither
   */
  static RequiredMembers parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return NONE;
    }
    if (trimmed.chars().allMatch(Character::isDigit)) {
      return new Count(Integer.parseInt(trimmed));
    }
    return new Hosts(HostList.parse("requireMembers", trimmed).stream().map(HostList.Host::text).toList());
  }
}
