package dev.vela.config;

import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every option a backend or topology knows, each defined once: its name, where it applies, its
 * value syntax and check, its default and its text. The processor's checks, the builder, the
 * runtime's parsers ({@code ClusterSettings}, the DISK and REDIS backends, the PARTITIONED
 * topology) and the README's option tables ({@link OptionTable}) all read it. Unknown names get the
 * nearest known one suggested; combinations are checked by
 * {@link OptionConflicts}.
 */
public enum OptionCatalog {
  DATA_DIR(Kind.BACKEND, "dataDir", EnumSet.of(Backend.DISK), null, OptionSyntax.NAME, null, OptionCatalog.REQUIRED,
      "directory holding one store per cache; created if missing"),
  ON_CORRUPTION(Kind.BACKEND, "onCorruption", EnumSet.of(Backend.DISK), null, OptionSyntax.ON_CORRUPTION,
      OptionSyntax.ON_CORRUPTION_VALUES.get(0), null,
      "`fail`: a corrupt or truncated store file stops `create()` with an error naming it; `moveAside`: the file (and"
          + " its redo and operation logs) is renamed `<file>.corrupt-<UTC timestamp>`, never deleted, and the cache"
          + " starts empty"),
  FSYNC(Kind.BACKEND, "fsync", EnumSet.of(Backend.DISK), null, OptionSyntax.FSYNC, FsyncPolicy.DEFAULT, null,
      "`always`: a write returns once it is forced to disk (`fdatasync`), and concurrent writers share one force"
          + " (group commit); a duration (`\"1s\"`, `\"100ms\"`): a write returns once the operating system has it, and"
          + " the log is forced to disk at least that often"),
  URL(Kind.BACKEND, "url", EnumSet.of(Backend.REDIS), null, OptionSyntax.REDIS_URL, "redis://localhost:6379", null,
      "`redis://[user:password@]host:port[/database]`, or `rediss://` for TLS, or"
          + " `redis-sentinel://[password@]host:port[,host:port...][/database]#primaryName` to find the primary"
          + " through Sentinel and follow its failovers"),
  CLUSTER_NODES(Kind.BACKEND, "clusterNodes", EnumSet.of(Backend.REDIS), null, OptionSyntax.REDIS_NODES, null, null,
      "seed nodes of a Redis Cluster, `[redis://|rediss://][[user:]password@]host:port,host:port,...` (credentials and"
          + " TLS written once, for every node); the cache spreads over every shard; not together with `url`"),
  TIMEOUT(Kind.BACKEND, "timeout", EnumSet.of(Backend.REDIS), null, OptionSyntax.DURATION, "2s", null,
      "the longest any call waits for Redis; then it fails as unreachable"),
  CLUSTER(Kind.TOPOLOGY, "cluster", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.NAME, "vela", null,
      "cluster name; caches of one JVM with one cluster name share one JGroups channel"),
  JGROUPS_CONFIG(Kind.TOPOLOGY, "jgroupsConfig", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, null, "built-in TCP stack",
      "a JGroups XML file or classpath resource (multicast, DNS or Kubernetes discovery, encryption, ...)"),
  BIND_ADDR(Kind.TOPOLOGY, "bindAddr", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, "127.0.0.1", null,
      "the address the built-in stack listens on (its failure detector too)"),
  PORT(Kind.TOPOLOGY, "port", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.PORT, "0", "`7800` (and the next ten if taken)",
      "the built-in stack's port"),
  INITIAL_HOSTS(Kind.TOPOLOGY, "initialHosts", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.HOST_LIST, null, "this node only",
      "members to contact, `host[port],host[port]`"),
  JOIN_TIMEOUT(Kind.TOPOLOGY, "joinTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.DURATION, "2s", null,
      "how long to look for members when joining; 500ms is enough on one machine"),
  REQUIRE_MEMBERS(Kind.TOPOLOGY, "requireMembers", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.MEMBERS, null, null,
      "a member count, or `host[port],...`: `create()` waits up to `joinTimeout` for them, then fails naming those it"
          + " could not reach"),
  RPC_TIMEOUT(Kind.TOPOLOGY, "rpcTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.DURATION, "5s", null,
      "the most a call to another node may take"),
  FAILURE_TIMEOUT(Kind.TOPOLOGY, "failureTimeout", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.FAILURE_TIMEOUT, "10s", null,
      "how long a member may stay silent (no message, no heartbeat) before it is suspected; unless it answers a check"
          + " within a second (at most half the timeout) it then leaves the view and its keys are served by the others."
          + " A crashed process is noticed sooner, when its connections close. See *Pauses* below"),
  CLUSTER_SECRET(Kind.TOPOLOGY, "clusterSecret", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.SECRET, null, null,
      "a shared secret (best as `${VARIABLE}`): all cluster traffic is encrypted and authenticated (AES-GCM) with keys"
          + " derived from it, and only nodes with the same secret form a cluster; built-in stack only (see"
          + " [Cluster security](#cluster-security))"),
  TLS_KEY_STORE(Kind.TOPOLOGY, "tlsKeyStore", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, null, null,
      "a PKCS12 file with this node's key and certificate: every connection of the built-in stack is then TLS 1.3"
          + " with mutual authentication; needs `tlsTrustStore`"),
  TLS_KEY_STORE_PASSWORD(Kind.TOPOLOGY, "tlsKeyStorePassword", null,
      EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, null, null,
      "password of `tlsKeyStore` and its key, best as `${VARIABLE}`"),
  TLS_TRUST_STORE(Kind.TOPOLOGY, "tlsTrustStore", null, EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, null, null,
      "a PKCS12 file with the certificates (or their issuers) of the nodes this one accepts; required with"
          + " `tlsKeyStore`"),
  TLS_TRUST_STORE_PASSWORD(Kind.TOPOLOGY, "tlsTrustStorePassword", null,
      EnumSet.of(Topology.REPLICATED, Topology.PARTITIONED),
      OptionSyntax.TEXT, null, null,
      "password of `tlsTrustStore`, best as `${VARIABLE}`"),
  BACKUPS(Kind.TOPOLOGY, "backups", null, EnumSet.of(Topology.PARTITIONED), OptionSyntax.COUNT, "0", null,
      "how many more ring members keep a copy of each key");

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

  private static final String REQUIRED = "required";

  private final Kind kind;
  private final String optionName;
  private final Set<Backend> backends;
  private final Set<Topology> topologies;
  private final OptionSyntax syntax;
  private final String defaultValue;
  private final String defaultDoc;
  private final String description;

  /**
   * One option. {@code defaultValue} is what an unset option means, or null when it has no value;
   * {@code defaultDoc} says the default in the README when the value alone does not.
   */
  OptionCatalog(Kind kind, String optionName, Set<Backend> backends, Set<Topology> topologies, OptionSyntax syntax,
      String defaultValue, String defaultDoc, String description) {
    this.kind = kind;
    this.optionName = optionName;
    this.backends = backends == null ? Set.of() : backends;
    this.topologies = topologies == null ? Set.of() : topologies;
    this.syntax = syntax;
    this.defaultValue = defaultValue;
    this.defaultDoc = defaultDoc;
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

  /** What the option does, for the README. */
  public String description() {
    return description;
  }

  /** What a value looks like, with its check. */
  public OptionSyntax syntax() {
    return syntax;
  }

  /** The value an unset option means, if it has one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** The default as the README says it: "none", the value, or what the value stands for. */
  public String defaultDoc() {
    if (defaultDoc != null) {
      return defaultDoc;
    }
    return defaultValue == null ? "none" : "`" + defaultValue + "`";
  }

  /** True when a cache of a backend or topology the option applies to must give it: it has no default. */
  public boolean isRequired() {
    return REQUIRED.equals(defaultDoc);
  }

  /** The options a cache with this backend and topology must give, in catalogue order. */
  public static List<OptionCatalog> requiredFor(Backend backend, Topology topology) {
    return Arrays.stream(values()).filter(o -> o.isRequired() && o.appliesTo(backend, topology)).toList();
  }

  /** The backends (backend options) or topologies (topology options) the option applies to. */
  public List<String> appliesToNames() {
    return kind == Kind.BACKEND
        ? backends.stream().sorted().map(Enum::name).toList()
        : topologies.stream().sorted().map(Enum::name).toList();
  }

  /**
   * What is wrong with {@code value} as an annotation writes it, said as "is ..." or "has ..." to
   * follow "which"; empty when it fits. A value with placeholders is checked for their syntax only:
   * the rest is known when the cache starts, where {@link #checkedIn} applies the same syntax.
   */
  public Optional<String> writtenProblem(String value) {
    if (value.isBlank()) {
      return Optional.of("is blank; give a value, or leave the option out");
    }
    if (Placeholders.hasPlaceholder(value)) {
      return Placeholders.problem(value);
    }
    return syntax.problem(value);
  }

  /**
   * The option's value in {@code options} with placeholders resolved, else its default; null when
   * neither is there.
   */
  public String resolvedIn(Map<String, String> options) {
    String value = options.get(optionName);
    return value == null ? defaultValue : Placeholders.resolve(optionName, value);
  }

  /**
   * The option's value in {@code options}, placeholders resolved, or its default, checked by its
   * syntax.
   *
   * @throws VelaException naming the cache, the option and the value when it does not fit
   */
  public String checkedIn(String cacheName, Map<String, String> options) {
    String value = resolvedIn(options);
    if (value != null) {
      syntax.problem(value).ifPresent(problem -> {
        throw new VelaException("cache '" + cacheName + "' has option " + optionName + " \"" + shown(value)
            + "\", which " + problem);
      });
    }
    return value;
  }

  /**
   * {@code value} as a message may show it: secrets and passwords replaced, a Redis URL's or node
   * list's credentials left out.
   */
  public String shown(String value) {
    return switch (this) {
      case CLUSTER_SECRET, TLS_KEY_STORE_PASSWORD, TLS_TRUST_STORE_PASSWORD -> "(secret)";
      case URL, CLUSTER_NODES -> RedisUrls.withoutCredentials(value);
      default -> value;
    };
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
   * What to say after "has no option 'x'", the same for the processor and the builder: where the
   * option does apply, the nearest known name, or the known names.
   *
   * @param name the unknown name
   * @param kind the list the name was written in, or null when either would do (the builder's
   *     {@code option(name, value)})
   * @param backend the cache's backend
   * @param topology the cache's topology
   */
  public static String unknownHint(String name, Kind kind, Backend backend, Topology topology) {
    List<Kind> kinds = kind == null ? List.of(Kind.values()) : List.of(kind);
    for (Kind candidate : kinds) {
      Optional<OptionCatalog> elsewhere = find(candidate, name);
      if (elsewhere.isPresent()) {
        return "; it is an option of " + elsewhere.get().whereApplies();
      }
    }
    List<String> known = kinds.stream().flatMap(k -> namesFor(k, backend, topology).stream()).toList();
    Optional<String> nearest = nearest(name, known);
    if (nearest.isPresent()) {
      return "; did you mean '" + nearest.get() + "'?";
    }
    if (kind != null) {
      Kind other = kind == Kind.BACKEND ? Kind.TOPOLOGY : Kind.BACKEND;
      Optional<String> nearestElsewhere = nearest(name, namesFor(other, backend, topology));
      if (nearestElsewhere.isPresent()) {
        return "; did you mean '" + nearestElsewhere.get() + "' in " + other.attribute() + "?";
      }
    }
    return known.isEmpty() ? "; it takes no options" : "; known options: " + String.join(", ", known);
  }

  /** Where the option applies, as "backend DISK" or "topology REPLICATED or PARTITIONED". */
  public String whereApplies() {
    return (kind == Kind.BACKEND ? "backend " : "topology ") + String.join(" or ", appliesToNames());
  }

  /**
   * The candidate closest to {@code name} by edit distance, ignoring case, when it is close enough
   * to be a likely typo.
   */
  static Optional<String> nearest(String name, Collection<String> candidates) {
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
