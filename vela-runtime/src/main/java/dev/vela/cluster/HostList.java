package dev.vela.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses JGroups-style host lists, {@code host[port],host[port]}. */
final class HostList {
  private static final Pattern HOST = Pattern.compile("\\s*([^\\[\\],\\s]+)\\[(\\d{1,5})]\\s*");

  private HostList() {}

  /**
   * One host.
   *
   * @param host the name or address
   * @param port the port
   */
  record Host(String host, int port) {
    /** As {@code host:port}. */
    String text() {
      return host + ":" + port;
    }
  }

  /**
   * The hosts of {@code text}.
   *
   * @throws IllegalArgumentException naming {@code option} when an item is not {@code host[port]}
   */
  static List<Host> parse(String option, String text) {
    List<Host> hosts = new ArrayList<>();
    for (String item : text.split(",")) {
      Matcher matcher = HOST.matcher(item);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            option + " holds \"" + item.trim() + "\", which is not host[port]; write e.g. 127.0.0.1[7800],127.0.0.1[7801]");
      }
      int port = Integer.parseInt(matcher.group(2));
      if (port > 65535) {
        throw new IllegalArgumentException(option + " holds port " + port + ", above 65535");
      }
      hosts.add(new Host(matcher.group(1), port));
    }
    return hosts;
  }
}
