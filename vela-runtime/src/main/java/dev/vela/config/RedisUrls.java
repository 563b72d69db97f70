package dev.vela.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The syntax of the REDIS backend's {@code url} and {@code clusterNodes} options, checked in one
 * place for the processor and the runtime: a plain or TLS URL of one server, a Sentinel URL naming
 * the primary, or the seed nodes of a Redis Cluster; never both a URL and cluster nodes.
 */
public final class RedisUrls {
  /** What to write instead of a URL that is refused. */
  public static final String FORMS = "write redis://[user:password@]host:port[/database], rediss:// for TLS, or"
      + " redis-sentinel://[password@]host:port[,host:port...][/database]#primaryName for Sentinel";

  private RedisUrls() {}

  /**
   * {@code value}, a URL or a {@code clusterNodes} list, without what stands before its last
   * {@code @} (user and password), so that a message never shows credentials.
   */
  public static String withoutCredentials(String value) {
    int scheme = value.indexOf("://");
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return value;
    }
    return (scheme < 0 || scheme > at ? "" : value.substring(0, scheme + 3)) + value.substring(at + 1);
  }

  /** True for a Sentinel URL ({@code redis-sentinel://} or {@code rediss-sentinel://}). */
  public static boolean isSentinel(String url) {
    return url.startsWith("redis-sentinel://") || url.startsWith("rediss-sentinel://");
  }

  /** What is wrong with {@code url}, said as "is ..." (to follow "which"); empty when its form is right. */
  public static Optional<String> problem(String url) {
    if (isSentinel(url)) {
      int hash = url.indexOf('#');
      return hash < 0 || url.substring(hash + 1).isBlank()
          ? Optional.of("is a Sentinel URL without the name of the primary; end it with #primaryName, the"
              + " name the Sentinels monitor it by")
          : Optional.empty();
    }
    return url.startsWith("redis://") || url.startsWith("rediss://")
        ? Optional.empty()
        : Optional.of("is not a Redis URL; " + FORMS);
  }

  /** What to write for the {@code clusterNodes} option. */
  public static final String CLUSTER_FORM = "write the seed nodes as host:port,host:port,...; for credentials put"
      + " redis://user:password@ (or redis://password@) in front, rediss:// for TLS";

  /** Why {@code url} and {@code clusterNodes} cannot both be given, said as "is ...". */
  public static final String BOTH = "is given together with url; a cache uses either one server (url, also for"
      + " Sentinel) or a Redis Cluster (clusterNodes): remove one of them";

  /**
   * A {@code clusterNodes} value taken apart: {@code [redis://|rediss://][[user:]password@]host:port,host:port,...}.
   * The scheme and the credentials, written once in front of the first node, hold for every node of
   * the cluster, as Redis Cluster wants one password (or ACL user) on all of them.
   *
   * @param tls true for {@code rediss://}
   * @param credentials {@code user:password} or {@code password} as written (percent-encoded as in a
   *     URL), or empty
   * @param nodes the seed nodes as {@code host:port}
   */
  public record ClusterNodes(boolean tls, Optional<String> credentials, List<String> nodes) {
    /** The URL of one node, credentials included: {@code redis[s]://[credentials@]node}. */
    public String urlOf(String node) {
      return (tls ? "rediss://" : "redis://") + credentials.map(written -> written + "@").orElse("") + node;
    }

    /** The value without credentials, for messages. */
    public String redacted() {
      return (tls ? "rediss://" : "") + String.join(",", nodes);
    }
  }

  /** What is wrong with a {@code clusterNodes} value, said as "is ..."; empty when its form is right. */
  public static Optional<String> clusterNodesProblem(String nodes) {
    Object parsed = parseClusterNodes(nodes);
    return parsed instanceof String problem ? Optional.of(problem) : Optional.empty();
  }

  /**
   * Takes a {@code clusterNodes} value apart.
   *
   * @throws IllegalArgumentException when {@link #clusterNodesProblem} finds a problem, saying it
   */
  public static ClusterNodes clusterNodes(String nodes) {
    Object parsed = parseClusterNodes(nodes);
    if (parsed instanceof String problem) {
      throw new IllegalArgumentException(problem);
    }
    return (ClusterNodes) parsed;
  }

  /** The parts, or the problem (never showing the credentials). */
  private static Object parseClusterNodes(String value) {
    String rest = value.trim();
    boolean tls = false;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      String name = rest.substring(0, scheme);
      if (!name.equals("redis") && !name.equals("rediss")) {
        return "is not a list of cluster nodes (it starts with " + name + "://, not redis:// or rediss://); "
            + CLUSTER_FORM;
      }
      tls = name.equals("rediss");
      rest = rest.substring(scheme + 3);
    }
    Optional<String> credentials = Optional.empty();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      if (scheme < 0) {
        return "is not a list of cluster nodes (credentials need redis:// or rediss:// in front); " + CLUSTER_FORM;
      }
      if (at == 0) {
        return "is not a list of cluster nodes (nothing before the @ where the credentials go); " + CLUSTER_FORM;
      }
      credentials = Optional.of(rest.substring(0, at));
      rest = rest.substring(at + 1);
    }
    List<String> nodes = new ArrayList<>();
    for (String node : rest.split(",", -1)) {
      String trimmed = node.trim();
      int colon = trimmed.lastIndexOf(':');
      if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
        return "is not a list of cluster nodes (\"" + trimmed + "\" is not host:port); " + CLUSTER_FORM;
      }
      nodes.add(trimmed);
    }
    return new ClusterNodes(tls, credentials, List.copyOf(nodes));
  }

  private static boolean isPort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port <= 65_535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
