package dev.vela.config;

import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every option name a backend or topology knows, in one place, for the processor's checks, the
 * builder's checks and the README. Unknown names get the nearest known one suggested.
 */
public enum OptionCatalog {
  DATA_DIR(Kind.BACKEND, "dataDir", EnumSet.of(Backend.DISK), null,
      "directory holding one store per cache (required for DISK)"),
  ON_CORRUPTION(Kind.BACKEND, "onCorruption", EnumSet.of(Backend.DISK), null,
      "fail (default): refuse a corrupt or truncated store file, naming it; moveAside: rename it with a timestamp"
          + " and start empty"),
  /** Parsed and checked by {@link FsyncPolicy}. */
  FSYNC(Kind.BACKEND, "fsync", EnumSet.of(Backend.DISK), null,
      "always: a write returns once it is forced to disk (concurrent writers share one force); a duration,"
          + " default " + FsyncPolicy.DEFAULT + ": a write returns once the operating system has it (a killed process"
          + " loses nothing) and is forced to disk at least that often"),
  URL(Kind.BACKEND, "url", EnumSet.of(Backend.REDIS), null,
      "Redis URL: redis:// or rediss://, user, password, database (default redis://localhost:6379); or"
          + " redis-sentinel://[password@]host:port[,host:port...][/database]#primaryName to find the primary"
          + " through Sentinel and follow its failovers"),
  CLUSTER_NODES(Kind.BACKEND, "clusterNodes", EnumSet.of(Backend.REDIS), null,
      "seed nodes of a Redis Cluster, [redis://|rediss://][[user:]password@]host:port,host:port,... (credentials and"
          + " TLS once, for every node); the cache spreads over every shard (not with url)"),
  TIMEOUT(Kind.BACKEND, "timeout", EnumSet.of(Backend.REDIS), null,
      "how long a Redis call may take before it fails as unreachable (default 2s)"),
  CLUSTER(Kind.TOPOLOGY, "cluster", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "cluster name; caches with one name on one JVM share a JGroups channel (default vela)"),
  JGROUPS_CONFIG(Kind.TOPOLOGY, "jgroupsConfig", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "a JGroups XML stack file or classpath resource, replacing the built-in TCP stack"),
  BIND_ADDR(Kind.TOPOLOGY, "bindAddr", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "address the built-in TCP stack binds to (default 127.0.0.1)"),
  PORT(Kind.TOPOLOGY, "port", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "port of the built-in TCP stack"),
  INITIAL_HOSTS(Kind.TOPOLOGY, "initialHosts", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "members to contact, as host[port],host[port]"),
  JOIN_TIMEOUT(Kind.TOPOLOGY, "joinTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "how long to look for other members when joining"),
  REQUIRE_MEMBERS(Kind.TOPOLOGY, "requireMembers", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "a member count, or the initialHosts list, that must be reached before create() returns"),
  RPC_TIMEOUT(Kind.TOPOLOGY, "rpcTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "how long a call to another node may take"),
  FAILURE_TIMEOUT(Kind.TOPOLOGY, "failureTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "how long a member of the built-in stack may stay silent before it is suspected and, unless it answers a"
          + " check within a second, leaves the view (default 10s, at least 500ms); shorter keeps the others going"
          + " through a long pause of one node, at the risk of excluding one that was only slow (it merges back)"),
  CLUSTER_SECRET(Kind.TOPOLOGY, "clusterSecret", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "shared secret (16+ characters, best as ${VARIABLE}) from which the built-in stack derives the key that"
          + " encrypts and authenticates (AES-GCM) all cluster traffic; only nodes with the same secret form a cluster,"
          + " and a message changed in transit is dropped"),
  TLS_KEY_STORE(Kind.TOPOLOGY, "tlsKeyStore", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "PKCS12 file with this node's key and certificate: the built-in stack then runs TLS 1.3 with mutual"
          + " authentication on every connection (needs tlsTrustStore)"),
  TLS_KEY_STORE_PASSWORD(Kind.TOPOLOGY, "tlsKeyStorePassword", null,
      EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED), "password of tlsKeyStore and its key, best as ${VARIABLE}"),
  TLS_TRUST_STORE(Kind.TOPOLOGY, "tlsTrustStore", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      "PKCS12 file with the certificates (or their issuers) of the nodes this node accepts; a node whose"
          + " certificate it does not hold can neither join nor read"),
  TLS_TRUST_STORE_PASSWORD(Kind.TOPOLOGY, "tlsTrustStorePassword", null,
      EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED), "password of tlsTrustStore, best as ${VARIABLE}"),
  BACKUPS(Kind.TOPOLOGY, "backups", null, EnumSet.of(Topology.PARTITIONED),
      "how many further nodes hold a copy of each key (default 0)");

  /** Whether an option belongs in {@code backendOpts} or {@code topologyOpts}. */
  public enum Kind {
    BACKEND("backendOpts"),
    TOPOLOGY("topologyOpts");

    private final String attribute;

    Kind(String attribute) {
      this.attribute = attribute;
    }

    /** The {@code @VelaCache} attribute that holds options of this kind. */
    public String attribute() {
      return attribute;
    }
  }

  private final Kind kind;
  private final String optionName;
  private final Set<Backend> backends;
  private final Set<Topology> topologies;
  private final String description;

  OptionCatalog(Kind kind, String optionName, Set<Backend> backends, Set<Topology> topologies, String description) {
    this.kind = kind;
    this.optionName = optionName;
    this.backends = backends == null ? Set.of() : backends;
    this.topologies = topologies == null ? Set.of() : topologies;
    this.description = description;
  }

  /** Whether the option belongs in {@code backendOpts} or {@code topologyOpts}. */
  public Kind kind() {
    return kind;
  }

  /** The name written in {@code @Option(name = ...)}. */
  public String optionName() {
    return optionName;
  }

  /** What the option does, for messages and the README. */
  public String description() {
    return description;
  }

  /** True when the option applies to {@code backend} (backend options) or {@code topology} (topology options). */
  public boolean appliesTo(Backend backend, Topology topology) {
    return kind == Kind.BACKEND ? backends.contains(backend) : topologies.contains(topology);
  }

  /** The option called {@code name} of {@code kind}, if any backend or topology knows it. */
  public static Optional<OptionCatalog> find(Kind kind, String name) {
    return Arrays.stream(values()).filter(o -> o.kind == kind && o.optionName.equals(name)).findFirst();
  }

  /** The names of {@code kind} that apply to this backend and topology, in catalogue order. */
  public static List<String> namesFor(Kind kind, Backend backend, Topology topology) {
    return Arrays.stream(values())
        .filter(o -> o.kind == kind && o.appliesTo(backend, topology))
        .map(OptionCatalog::optionName)
        .toList();
  }

  /**
   * The candidate closest to {@code name} by edit distance, ignoring case, when it is close enough
   * to be a likely typo.
   */
  public static Optional<String> nearest(String name, Collection<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, wanted.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
