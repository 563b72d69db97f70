package dev.vela.cluster;

import dev.vela.VelaException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The nodes that caches of this JVM share, one per cluster name, each counted by the caches on it:
 * started with the first, closed when the last leaves.
 */
final class SharedClusters {
  private static final Map<String, VelaCluster> NODES = new HashMap<>();
  private static final Map<VelaCluster, Integer> CACHES = new HashMap<>();

  private SharedClusters() {}

  static CacheChannel join(
      ClusterSettings settings, String cacheName, Function<? super CacheChannel, ? extends CacheEndpoint> endpointFor) {
    VelaCluster node;
    synchronized (SharedClusters.class) {
      node = NODES.get(settings.clusterName());
      if (node != null && !node.settings().sameChannelAs(settings)) {
        throw new VelaException(
            "cache '" + cacheName + "' asks for cluster '" + settings.clusterName() + "' with " + describe(settings)
                + ", but this JVM already runs it with " + describe(node.settings())
                + (settings.encrypted() && node.settings().encrypted()
                    && !settings.clusterSecret().equals(node.settings().clusterSecret()) ? " (another one)" : "")
                + "; give every cache of one cluster the same cluster options");
      }
      if (node == null) {
        node = VelaCluster.startShared(settings);
        NODES.put(settings.clusterName(), node);
      }
      CACHES.merge(node, 1, Integer::sum);
    }
    try {
      return node.join(cacheName, endpointFor);
    } catch (RuntimeException e) {
      release(node);
      throw e;
    }
  }

  static void release(VelaCluster node) {
    boolean last;
    synchronized (SharedClusters.class) {
      int left = CACHES.merge(node, -1, Integer::sum);
      last = left <= 0;
      if (last) {
        CACHES.remove(node);
        NODES.remove(node.settings().clusterName(), node);
      }
    }
    if (last) {
      node.close();
    }
  }

  private static String describe(ClusterSettings settings) {
    return "bindAddr " + settings.bindAddr() + ", port " + settings.port() + ", initialHosts \"" + settings.initialHosts()
        + "\"" + (settings.jgroupsConfig().isBlank() ? "" : ", jgroupsConfig " + settings.jgroupsConfig())
        + (settings.encrypted() ? ", a clusterSecret" : ", no clusterSecret");
  }
}
