package dev.vela.config;

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
  public static final String CLUSTER_FORM = "write the seed nodes as host:port,host:port,...";

  /** Why {@code url} and {@code clusterNodes} cannot both be given, said as "is ...". */
  public static final String BOTH = "is given together with url; a cache uses either one server (url, also for"
      + " Sentinel) or a Redis Cluster (clusterNodes): remove one of them";

  /** What is wrong with a {@code clusterNodes} value, said as "is ..."; empty when its form is right. */
  public static Optional<String> clusterNodesProblem(String nodes) {
    for (String node : nodes.split(",", -1)) {
      String trimmed = node.trim();
      int colon = trimmed.lastIndexOf(':');
      if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
        return Optional.of("is not a list of cluster nodes (\"" + trimmed + "\" is not host:port); " + CLUSTER_FORM);
      }
    }
    return Optional.empty();
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
