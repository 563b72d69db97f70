package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.config.OptionCatalog;
import dev.vela.config.Placeholders;
import dev.vela.config.RedisUrls;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis options of one cache, resolved when it starts.
 *
 * @param uri where Redis is, with credentials and database; on a cluster, the first seed node
 * @param clusterNodes the seed nodes of a Redis Cluster, or empty for one server (or Sentinel)
 * @param url the URL or node list as resolved, credentials included: the key of the shared connection
 * @param redacted the address for messages: scheme, host, port and database, never the password
 * @param timeout how long one call may take before it fails as unreachable
 */
record RedisSettings(RedisURI uri, List<RedisURI> clusterNodes, String url, String redacted, Duration timeout) {
  /** Where Redis is when the {@code url} option is not given. */
  static final String DEFAULT_URL = "redis://localhost:6379";
  /** How long a call may take when the {@code timeout} option is not given. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Reads {@code url} or {@code clusterNodes}, and {@code timeout}, from the cache's options,
   * placeholders resolved.
   *
   * @throws VelaException when one does not parse, or both url and clusterNodes are given, saying
   *     what to write instead
   */
  static RedisSettings of(CacheConfig config) {
    String urlOption = OptionCatalog.URL.optionName();
    String nodesOption = OptionCatalog.CLUSTER_NODES.optionName();
    String timeoutOption = OptionCatalog.TIMEOUT.optionName();
    Map<String, String> options = config.backendOptions();
    String timeoutText = Placeholders.resolve(
        timeoutOption, options.getOrDefault(timeoutOption, Durations.format(DEFAULT_TIMEOUT)));
    Duration timeout = parseTimeout(config.name(), timeoutText);
    if (options.containsKey(nodesOption)) {
      if (options.containsKey(urlOption)) {
        throw new VelaException("cache '" + config.name() + "' has option clusterNodes, which " + RedisUrls.BOTH);
      }
      String nodes = Placeholders.resolve(nodesOption, options.get(nodesOption)).trim();
      RedisUrls.ClusterNodes parsed = parseNodes(config.name(), nodes);
      List<RedisURI> seeds = parsed.nodes().stream().map(node -> RedisURI.create(parsed.urlOf(node))).toList();
      return new RedisSettings(seeds.get(0), seeds, "cluster:" + nodes, "cluster " + parsed.redacted(), timeout);
    }
    String url = Placeholders.resolve(urlOption, options.getOrDefault(urlOption, DEFAULT_URL)).trim();
    return new RedisSettings(parseUri(config.name(), url), List.of(), url, redact(url), timeout);
  }

  /** True on a Redis Cluster. */
  boolean isCluster() {
    return !clusterNodes.isEmpty();
  }

  private static RedisUrls.ClusterNodes parseNodes(String cacheName, String nodes) {
    Optional<String> problem = RedisUrls.clusterNodesProblem(nodes);
    if (problem.isPresent()) {
      throw new VelaException("cache '" + cacheName + "' has option clusterNodes \"" + redactNodes(nodes) + "\", which "
          + problem.get());
    }
    return RedisUrls.clusterNodes(nodes);
  }

  private static RedisURI parseUri(String cacheName, String url) {
    Optional<String> problem = RedisUrls.problem(url);
    if (problem.isPresent()) {
      throw new VelaException(
          "cache '" + cacheName + "' has option url \"" + redact(url) + "\", which " + problem.get());
    }
    try {
      return RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      throw new VelaException("cache '" + cacheName + "' has option url \"" + redact(url) + "\", which does not parse ("
          + e.getMessage() + "); " + RedisUrls.FORMS, e);
    }
  }

  private static Duration parseTimeout(String cacheName, String text) {
    Duration timeout;
    try {
      timeout = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      timeout = null;
    }
    if (timeout == null || Durations.isInfinite(timeout) || timeout.isZero() || timeout.isNegative()) {
      throw new VelaException("cache '" + cacheName + "' has option timeout \"" + text + "\", which is not a positive,"
          + " finite duration; write one such as \"2s\" or \"500ms\"");
    }
    return timeout;
  }

  /** {@code url} without user information, so that messages never show a password. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return url;
    }
    return url.substring(0, scheme + 3) + url.substring(at + 1);
  }

  /** A {@code clusterNodes} value without what stands before an {@code @}, scheme or not. */
  private static String redactNodes(String nodes) {
    int scheme = nodes.indexOf("://");
    int at = nodes.lastIndexOf('@');
    return at < 0 ? nodes : (scheme < 0 || scheme > at ? "" : nodes.substring(0, scheme + 3)) + nodes.substring(at + 1);
  }

  /** The settings without the password. */
  @Override
  public String toString() {
    return "RedisSettings[" + redacted + ", timeout " + Durations.format(timeout) + "]";
  }
}
