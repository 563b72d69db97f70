package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.config.CacheConfig;
import dev.vela.config.Durations;
import dev.vela.config.OptionCatalog;
import dev.vela.config.OptionConflicts;
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
  /**
   * Reads {@code url} or {@code clusterNodes}, and {@code timeout}, from the cache's options,
   * placeholders resolved, each checked by the option catalogue.
   *
   * @throws VelaException when one does not parse, or both url and clusterNodes are given, saying
   *     what to write instead
   */
  static RedisSettings of(CacheConfig config) {
    Map<String, String> options = config.backendOptions();
    Duration timeout = Durations.parse(OptionCatalog.TIMEOUT.checkedIn(config.name(), options));
    OptionConflicts.first(option -> OptionConflicts.written(option, options.get(option.optionName())))
        .ifPresent(conflict -> {
          throw new VelaException("cache '" + config.name() + "' has option " + conflict.option().optionName()
              + ", which " + conflict.problem());
        });
    if (options.containsKey(OptionCatalog.CLUSTER_NODES.optionName())) {
      // resolved, then checked here rather than by the catalogue, so that a message never shows the credentials
      String nodes = OptionCatalog.CLUSTER_NODES.resolvedIn(options).trim();
      RedisUrls.ClusterNodes parsed = parseNodes(config.name(), nodes);
      List<RedisURI> seeds = parsed.nodes().stream().map(node -> bounded(RedisURI.create(parsed.urlOf(node)), timeout))
          .toList();
      return new RedisSettings(seeds.get(0), seeds, "cluster:" + nodes, "cluster " + parsed.redacted(), timeout);
    }
    String url = OptionCatalog.URL.resolvedIn(options).trim();
    return new RedisSettings(bounded(parseUri(config.name(), url), timeout), List.of(), url, OptionCatalog.URL.shown(url),
        timeout);
  }

  /**
   * {@code uri} with the cache's timeout as its own: Lettuce waits that long, not its default of a
   * minute, for what it asks without a call of ours waiting (the handshake of a new connection,
   * a cluster's topology, the primary a Sentinel names), so a node that accepts connections but does
   * not answer holds none of them up for longer than a call may take.
   */
  private static RedisURI bounded(RedisURI uri, Duration timeout) {
    uri.setTimeout(timeout);
    return uri;
  }

  /** True on a Redis Cluster. */
  boolean isCluster() {
    return !clusterNodes.isEmpty();
  }

  private static RedisUrls.ClusterNodes parseNodes(String cacheName, String nodes) {
    Optional<String> problem = RedisUrls.clusterNodesProblem(nodes);
    if (problem.isPresent()) {
      throw new VelaException("cache '" + cacheName + "' has option clusterNodes \"" + OptionCatalog.CLUSTER_NODES.shown(nodes) + "\", which "
          + problem.get());
    }
    return RedisUrls.clusterNodes(nodes);
  }

  private static RedisURI parseUri(String cacheName, String url) {
    Optional<String> problem = OptionCatalog.URL.syntax().problem(url);
    if (problem.isPresent()) {
      throw new VelaException(
          "cache '" + cacheName + "' has option url \"" + OptionCatalog.URL.shown(url) + "\", which " + problem.get());
    }
    try {
      return RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      throw new VelaException("cache '" + cacheName + "' has option url \"" + OptionCatalog.URL.shown(url) + "\", which does not parse ("
          + e.getMessage() + "); " + RedisUrls.FORMS, e);
    }
  }

  /** The settings without the password. */
  @Override
  public String toString() {
    return "RedisSettings[" + redacted + ", timeout " + Durations.format(timeout) + "]";
  }
}
