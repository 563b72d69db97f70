package dev.vela.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JGroups-style host lists, {@code host[port],host[port]}: the syntax of the {@code initialHosts}
 * and {@code requireMembers} options, checked here for the processor and parsed here for the
 * cluster.
 */
public final class HostList {
  private static final Pattern HOST = Pattern.compile("\\s*([^\\[\\],\\s]+)\\[(\\d{1,5})]\\s*");
  private static final int MAX_PORT = 65_535;

  private HostList() {}

  /**
   * One host.
   *
   * @param host the name or address
   * @param port the port
   */
  public record Host(String host, int port) {
    /** As {@code host:port}. */
    public String text() {
      return host + ":" + port;
    }
  }

  /**
   * The hosts of {@code text}.
   *
   * @throws IllegalArgumentException naming {@code option} when an item is not {@code host[port]}
   */
  public static List<Host> parse(String option, String text) {
    List<Host> hosts = new ArrayList<>();
    for (String item : text.split(",")) {
      itemProblem(item).ifPresent(problem -> {
        throw new IllegalArgumentException(option + " holds \"" + item.trim() + "\", which " + problem);
      });
      Matcher matcher = HOST.matcher(item);
      matcher.matches();
      hosts.add(new Host(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }
    return hosts;
  }

  /** What is wrong with {@code text} as a host list, said as "is ..."; empty when its form is right. */
  public static Optional<String> problem(String text) {
    for (String item : text.split(",")) {
      Optional<String> problem = itemProblem(item);
      if (problem.isPresent()) {
        return Optional.of("holds \"" + item.trim() + "\", which " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> itemProblem(String item) {
    Matcher matcher = HOST.matcher(item);
    if (!matcher.matches()) {
      return Optional.of("is not host[port]; write e.g. 127.0.0.1[7800],127.0.0.1[7801]");
    }
    int port = Integer.parseInt(matcher.group(2));
    return port > MAX_PORT ? Optional.of("has a port above " + MAX_PORT) : Optional.empty();
  }
}
