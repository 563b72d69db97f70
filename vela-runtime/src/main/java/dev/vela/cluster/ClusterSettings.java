package dev.vela.cluster;

import dev.vela.VelaException;
import dev.vela.config.Durations;
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
  public static final String DEFAULT_CLUSTER = "vela";
  /** The built-in stack's port when none is given. */
  public static final int DEFAULT_PORT = 7800;
  /** The shortest secret accepted: a guess at it is checked offline, so it must not be guessable. */
  public static final int MIN_SECRET_LENGTH = 16;
  /** The shortest failureTimeout accepted: heartbeats go out four times in it, and a busy JVM must keep up. */
  public static final Duration MIN_FAILURE_TIMEOUT = Duration.ofMillis(500);

  /** Checks every value. */
  public ClusterSettings {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("cluster name must not be blank");
    }
    Objects.requireNonNull(jgroupsConfig, "jgroupsConfig (empty for the built-in stack)");
    Objects.requireNonNull(bindAddr, "bindAddr");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 (default) or 1 to 65535, was " + port);
    }
    Objects.requireNonNull(initialHosts, "initialHosts (empty for none)");
    if (!initialHosts.isBlank()) {
      HostList.parse("initialHosts", initialHosts);
    }
    positive("joinTimeout", joinTimeout);
    positive("rpcTimeout", rpcTimeout);
    positive("failureTimeout", failureTimeout);
    if (failureTimeout.compareTo(MIN_FAILURE_TIMEOUT) < 0) {
      throw new IllegalArgumentException("failureTimeout must be at least " + Durations.format(MIN_FAILURE_TIMEOUT)
          + ", was " + Durations.format(failureTimeout) + "; a node silent that briefly is only busy");
    }
    Objects.requireNonNull(requireMembers, "requireMembers");
    Objects.requireNonNull(clusterSecret, "clusterSecret (empty for none)");
    if (!clusterSecret.isEmpty() && clusterSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("clusterSecret must be at least " + MIN_SECRET_LENGTH + " characters, was "
          + clusterSecret.length() + "; generate one with: openssl rand -base64 32");
    }
    if (!clusterSecret.isEmpty() && !jgroupsConfig.isBlank()) {
      throw new IllegalArgumentException("clusterSecret applies to the built-in stack only, but jgroupsConfig "
          + jgroupsConfig + " is set; put SYM_ENCRYPT into that stack file instead (see the README), or drop jgroupsConfig");
    }
    Objects.requireNonNull(tls, "tls (ClusterTls.NONE for none)");
    if (tls.enabled() && !jgroupsConfig.isBlank()) {
      throw new IllegalArgumentException("tlsKeyStore applies to the built-in stack only, but jgroupsConfig "
          + jgroupsConfig + " is set; configure TLS in that stack file's TCP instead, or drop jgroupsConfig");
    }
  }

  /** The defaults: cluster {@code vela} on 127.0.0.1, port 7800, joinTimeout 2s, rpcTimeout 5s, failureTimeout 10s. */
  public static ClusterSettings defaults() {
    return new ClusterSettings(
        DEFAULT_CLUSTER, "", "127.0.0.1", 0, "", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        RequiredMembers.NONE, "", ClusterTls.NONE);
  }

  /**
   * Settings from a cache's topology options, with {@code ${NAME:default}} placeholders resolved.
   *
   * @throws VelaException naming the cache and the option whose value does not parse
   */
  public static ClusterSettings fromOptions(String cacheName, Map<String, String> options) {
    ClusterSettings d = defaults();
    try {
      return new ClusterSettings(
          text(options, "cluster", d.clusterName()),
          text(options, "jgroupsConfig", ""),
          text(options, "bindAddr", d.bindAddr()),
          port(text(options, "port", "0")),
          text(options, "initialHosts", ""),
          duration(options, "joinTimeout", d.joinTimeout()),
          duration(options, "rpcTimeout", d.rpcTimeout()),
          duration(options, "failureTimeout", d.failureTimeout()),
          RequiredMembers.parse(text(options, "requireMembers", "")),
          secret(options),
          new ClusterTls(text(options, "tlsKeyStore", ""), text(options, "tlsKeyStorePassword", ""),
              text(options, "tlsTrustStore", ""), text(options, "tlsTrustStorePassword", "")));
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

  private static String text(Map<String, String> options, String name, String fallback) {
    String value = options.get(name);
    return value == null ? fallback : Placeholders.resolve(name, value);
  }

  private static String secret(Map<String, String> options) {
    String secret = text(options, "clusterSecret", "");
    if (options.containsKey("clusterSecret") && secret.isEmpty()) {
      // an unset variable must not quietly turn encryption off
      throw new IllegalArgumentException("clusterSecret is given but resolves to an empty value; set the variable it"
          + " names, or remove the option to run the cluster unencrypted");
    }
    return secret;
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port \"" + text + "\" is not a number from 1 to 65535", e);
    }
  }

  private static Duration duration(Map<String, String> options, String name, Duration fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(Placeholders.resolve(name, value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + " \"" + value + "\" is not a duration such as 500ms or 5s", e);
    }
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative() || Durations.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + Durations.format(value));
    }
  }
}
