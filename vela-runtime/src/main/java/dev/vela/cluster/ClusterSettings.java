package dev.vela.cluster;

import dev.vela.VelaException;
import dev.vela.config.Durations;
import dev.vela.config.OptionCatalog;
import dev.vela.config.OptionConflicts;
import dev.vela.config.OptionSyntax;
import dev.vela.config.Placeholders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a node joins its cluster: the topology options of a cache ({@code cluster}, {@code
 * jgroupsConfig}, {@code bindAddr}, {@code port}, {@code initialHosts}, {@code joinTimeout},
 * {@code requireMembers}, {@code rpcTimeout}, {@code failureTimeout}, {@code clusterSecret}, {@code tlsKeyStore},
 * {@code tlsKeyStorePassword}, {@code tlsTrustStore}, {@code tlsTrustStorePassword}), resolved and checked.
 *
 * <p>{@link #toString()} shows the secret only as set or not.
 *
 * @param clusterName the JGroups cluster name; nodes with one name form one cluster
 * @param jgroupsConfig a JGroups XML file or classpath resource replacing the built-in TCP stack,
 *     or empty for the built-in one
 * @param bindAddr the address the built-in stack binds to
 * @param port the built-in stack's port; 0 for the default 7800 with the next few as fallbacks
 * @param initialHosts members to contact as {@code host[port],...}; empty for this node alone
 * @param joinTimeout how long to look for other members when joining
 * @param rpcTimeout how long a call to another node may take
 * @param failureTimeout how long a member of the built-in stack may stay silent (no message, no
 *     heartbeat) before it is suspected; after a check of about a second that it does not answer,
 *     it leaves the view and its keys are served by the others. A crashed process is noticed sooner,
 *     when its connections close. Shorter keeps the others going during a stall (a long GC pause, a
 *     stopped VM) at the risk of excluding a node that was only slow, which then merges back
 * @param requireMembers who must be there before a cache starts
 * @param clusterSecret the shared secret of the built-in stack, from which every node derives the
 *     key that encrypts all cluster traffic; only nodes with the same secret form a cluster. Empty
 *     for none (plain traffic); at least {@value #MIN_SECRET_LENGTH} characters otherwise
 * @param tls TLS with mutual authentication on the built-in stack, or {@link ClusterTls#NONE}
 */
public record ClusterSettings(
    String clusterName,
    String jgroupsConfig,
    String bindAddr,
    int port,
    String initialHosts,
    Duration joinTimeout,
    Duration rpcTimeout,
    Duration failureTimeout,
    RequiredMembers requireMembers,
    String clusterSecret,
    ClusterTls tls) {
  /** The cluster name when none is given. */
  public static final String DEFAULT_CLUSTER = OptionCatalog.CLUSTER.defaultValue().orElseThrow();
  /** The built-in stack's port when none is given. */
  public static final int DEFAULT_PORT = 7800;
  /** The shortest secret accepted: a guess at it is checked offline, so it must not be guessable. */
  public static final int MIN_SECRET_LENGTH = OptionSyntax.MIN_SECRET_LENGTH;
  /** The shortest failureTimeout accepted: heartbeats go out four times in it, and a busy JVM must keep up. */
  public static final Duration MIN_FAILURE_TIMEOUT = OptionSyntax.MIN_FAILURE_TIMEOUT;

  /** Checks every value, by the option catalogue's rules. */
  public ClusterSettings {
    check(OptionCatalog.CLUSTER, Objects.requireNonNull(clusterName, "clusterName"));
    Objects.requireNonNull(jgroupsConfig, "jgroupsConfig (empty for the built-in stack)");
    Objects.requireNonNull(bindAddr, "bindAddr");
    check(OptionCatalog.PORT, Integer.toString(port));
    check(OptionCatalog.INITIAL_HOSTS, Objects.requireNonNull(initialHosts, "initialHosts (empty for none)"));
    positive(OptionCatalog.JOIN_TIMEOUT, joinTimeout);
    positive(OptionCatalog.RPC_TIMEOUT, rpcTimeout);
    check(OptionCatalog.FAILURE_TIMEOUT, Durations.format(Objects.requireNonNull(failureTimeout, "failureTimeout")));
    Objects.requireNonNull(requireMembers, "requireMembers");
    Objects.requireNonNull(clusterSecret, "clusterSecret (empty for none)");
    if (!clusterSecret.isEmpty()) {
      check(OptionCatalog.CLUSTER_SECRET, clusterSecret);
    }
    Objects.requireNonNull(tls, "tls (ClusterTls.NONE for none)");
    Map<OptionCatalog, String> given = Map.of(OptionCatalog.JGROUPS_CONFIG, jgroupsConfig,
        OptionCatalog.CLUSTER_SECRET, clusterSecret, OptionCatalog.TLS_KEY_STORE, tls.keyStore(),
        OptionCatalog.TLS_TRUST_STORE, tls.trustStore());
    OptionConflicts.first(option -> OptionConflicts.resolved(given.get(option))).ifPresent(conflict -> {
      throw new IllegalArgumentException(conflict.option().optionName() + ", which " + conflict.problem());
    });
  }

  /** The defaults: cluster {@code vela} on 127.0.0.1, port 7800, joinTimeout 2s, rpcTimeout 5s, failureTimeout 10s. */
  public static ClusterSettings defaults() {
    Map<String, String> none = Map.of();
    return new ClusterSettings(
        OptionCatalog.CLUSTER.resolvedIn(none), "", OptionCatalog.BIND_ADDR.resolvedIn(none),
        Integer.parseInt(OptionCatalog.PORT.resolvedIn(none)), "",
        Durations.parse(OptionCatalog.JOIN_TIMEOUT.resolvedIn(none)),
        Durations.parse(OptionCatalog.RPC_TIMEOUT.resolvedIn(none)),
        Durations.parse(OptionCatalog.FAILURE_TIMEOUT.resolvedIn(none)), RequiredMembers.NONE, "", ClusterTls.NONE);
  }

  /**
   * Settings from a cache's topology options, with {@code ${NAME:default}} placeholders resolved.
   *
   * @throws VelaException naming the cache and the option whose value does not parse
   */
  public static ClusterSettings fromOptions(String cacheName, Map<String, String> options) {
    try {
      return new ClusterSettings(
          OptionCatalog.CLUSTER.checkedIn(cacheName, options),
          text(cacheName, options, OptionCatalog.JGROUPS_CONFIG),
          OptionCatalog.BIND_ADDR.checkedIn(cacheName, options),
          Integer.parseInt(OptionCatalog.PORT.checkedIn(cacheName, options).trim()),
          text(cacheName, options, OptionCatalog.INITIAL_HOSTS),
          Durations.parse(OptionCatalog.JOIN_TIMEOUT.checkedIn(cacheName, options)),
          Durations.parse(OptionCatalog.RPC_TIMEOUT.checkedIn(cacheName, options)),
          Durations.parse(OptionCatalog.FAILURE_TIMEOUT.checkedIn(cacheName, options)),
          RequiredMembers.parse(text(cacheName, options, OptionCatalog.REQUIRE_MEMBERS)),
          secret(cacheName, options),
          new ClusterTls(text(cacheName, options, OptionCatalog.TLS_KEY_STORE),
              text(cacheName, options, OptionCatalog.TLS_KEY_STORE_PASSWORD),
              text(cacheName, options, OptionCatalog.TLS_TRUST_STORE),
              text(cacheName, options, OptionCatalog.TLS_TRUST_STORE_PASSWORD)));
    } catch (IllegalArgumentException e) {
      throw new VelaException("cache '" + cacheName + "' has a topology option that does not fit: " + e.getMessage(), e);
    }
  }

  /** True when cluster traffic is encrypted with a key derived from {@link #clusterSecret()}. */
  public boolean encrypted() {
    return !clusterSecret.isEmpty();
  }

  /** These settings, with the secret shown only as set or not. */
  @Override
  public String toString() {
    return "ClusterSettings[clusterName=" + clusterName + ", jgroupsConfig=" + jgroupsConfig + ", bindAddr=" + bindAddr
        + ", port=" + port + ", initialHosts=" + initialHosts + ", joinTimeout=" + Durations.format(joinTimeout)
        + ", rpcTimeout=" + Durations.format(rpcTimeout) + ", failureTimeout=" + Durations.format(failureTimeout)
        + ", requireMembers=" + requireMembers + ", clusterSecret="
        + (encrypted() ? "(set)" : "(none)") + ", tls=" + tls + "]";
  }

  /** The port the built-in stack listens on. */
  int effectivePort() {
    return port == 0 ? DEFAULT_PORT : port;
  }

  /** True when these settings would start the same channel as {@code other}; call timeouts may differ. */
  boolean sameChannelAs(ClusterSettings other) {
    return clusterName.equals(other.clusterName) && jgroupsConfig.equals(other.jgroupsConfig)
        && failureTimeout.equals(other.failureTimeout)
        && bindAddr.equals(other.bindAddr) && port == other.port && initialHosts.equals(other.initialHosts)
        && clusterSecret.equals(other.clusterSecret) && tls.equals(other.tls);
  }

  /** The option's checked value, or empty when it is not given and has no default. */
  private static String text(String cacheName, Map<String, String> options, OptionCatalog option) {
    String value = option.checkedIn(cacheName, options);
    return value == null ? "" : value;
  }

  private static String secret(String cacheName, Map<String, String> options) {
    String name = OptionCatalog.CLUSTER_SECRET.optionName();
    String secret = options.containsKey(name) ? Placeholders.resolve(name, options.get(name)) : "";
    if (options.containsKey(name) && secret.isEmpty()) {
      // an unset variable must not quietly turn encryption off
      throw new IllegalArgumentException("clusterSecret is given but resolves to an empty value; set the variable it"
          + " names, or remove the option to run the cluster unencrypted");
    }
    return secret;
  }

  private static void check(OptionCatalog option, String value) {
    option.syntax().problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(option.optionName() + " \"" + option.shown(value) + "\", which "
          + problem);
    });
  }


  private static void positive(OptionCatalog option, Duration value) {
    Objects.requireNonNull(value, option.optionName());
    OptionSyntax.positiveFiniteProblem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(option.optionName() + " " + Durations.format(value) + ", which " + problem);
    });
  }
}
