package dev.vela.cluster;

import dev.vela.VelaException;
import dev.vela.config.Durations;
import dev.vela.config.HostList;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.View;
import org.jgroups.stack.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a Vela cluster: a JGroups channel that every clustered cache of this node shares.
 *
 * <p>Caches normally share one node per JVM and cluster name, started with the first clustered
 * cache and closed with the last. Build one explicitly to choose its settings in code, or to run
 * several nodes in one JVM (in tests), and pass it to each cache's builder; then its owner closes it,
 * after the caches that use it.
 *
 * <pre>{@code
 * try (VelaCluster node = VelaCluster.builder().port(7801).initialHosts("127.0.0.1[7800]").start();
 *      UserCache users = VelaUserCache.builder().cluster(node).create()) {
 *   ...
 * }
 * }</pre>
 */
public final class VelaCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VelaCluster.class);
  private static final AtomicInteger NODES_IN_JVM = new AtomicInteger();
  /** How long, beyond joinTimeout, a start waits for the nodes it heard of to merge into its view. */
  private static final Duration FORMATION_ALLOWANCE = Duration.ofSeconds(10);

  private final ClusterSettings settings;
  private final boolean shared;
  private final JChannel channel;
  private final CallTransport transport;
  private final ExecutorService events;
  private final ExecutorService replays;
  private final CacheEndpoints endpoints;
  private final Object viewLock = new Object();
  /** Held while a view is handed to the endpoints, or an endpoint is added: each gets the views in order. */
  private final Object viewDelivery = new Object();
  private final LongAdder requestsSent = new LongAdder();
  private volatile List<String> members = List.of();
  private volatile Map<String, Address> addresses = Map.of();
  private volatile boolean closed;
  private volatile StartupFormation.Formation formation;

  private VelaCluster(ClusterSettings settings, boolean shared) {
    this.settings = settings;
    this.shared = shared;
    String nodeName = settings.bindAddr() + "-" + ProcessHandle.current().pid() + "-" + NODES_IN_JVM.incrementAndGet();
    this.events = Executors.newSingleThreadExecutor(daemon("vela-cluster-" + settings.clusterName() + "-events-" + nodeName));
    this.replays = Executors.newCachedThreadPool(daemon("vela-cluster-" + settings.clusterName() + "-replay-" + nodeName));
    this.endpoints = new CacheEndpoints(replays, settings.rpcTimeout());
    JChannel started = null;
    CallTransport calls = null;
    try {
      started = settings.jgroupsConfig().isBlank()
          ? TcpStack.channel(settings)
          : new JChannel(settings.jgroupsConfig());
      started.name(nodeName);
      this.channel = started;
      endpoints.add(StartupFormation.VIEW_ENDPOINT, StartupFormation.viewEndpoint(started));
      calls = new CallTransport(channel, endpoints, settings.clusterName(), nodeName, this::onView);
      this.transport = calls;
      channel.setReceiver(calls);
      channel.connect(settings.clusterName());
      onView(channel.getView());
    } catch (Exception e) {
      if (started != null) {
        started.close();
      }
      if (calls != null) {
        calls.close();
      }
      events.shutdownNow();
      replays.shutdownNow();
      throw new VelaException(
          "could not join cluster '" + settings.clusterName() + "' on " + settings.bindAddr() + " port "
              + (settings.port() == 0 ? settings.effectivePort() + " (or one of the next ten)" : settings.port())
              + (settings.jgroupsConfig().isBlank() ? "" : " with stack " + settings.jgroupsConfig()) + ": " + e
              + ". Check that the address is this machine's and the port is free",
          e);
    }
    formation = StartupFormation.await(channel, viewLock, settings.joinTimeout().plus(FORMATION_ALLOWANCE), () -> closed,
        member -> call(StartupFormation.VIEW_ENDPOINT, member, new byte[0], settings.rpcTimeout(), true));
    LOG.debug("cluster '{}': node {} started with view {}: {}", settings.clusterName(), nodeName, channel.getView(),
        formation);
    if (!formation.complete()) {
      LOG.warn("cluster '{}': node {} started with members {} and serves without {}, which it heard of but which did not"
              + " merge into its view within {}; they join when JGroups merges the views. Check that every node has the"
              + " same cluster options", settings.clusterName(), nodeName, members, formation.unreached(),
          Durations.format(formation.waited()));
    }
  }

  /** A builder of a node with {@link ClusterSettings#defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a node with these settings and waits for its {@code requireMembers}.
   *
   * @throws VelaException when the channel cannot start or the required members are not reached
   */
  public static VelaCluster start(ClusterSettings settings) {
    VelaCluster node = new VelaCluster(Objects.requireNonNull(settings, "settings"), false);
    try {
      node.awaitMembers(settings.requireMembers(), settings.joinTimeout());
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** Starts a node that {@link SharedClusters} closes when its last cache leaves. */
  static VelaCluster startShared(ClusterSettings settings) {
    return new VelaCluster(settings, true);
  }

  /**
   * Joins the JVM's shared node of {@code settings.clusterName()} as cache {@code cacheName}, with
   * the endpoint {@code endpointFor} makes for its channel,
   * starting the node if no cache of this JVM uses it yet. Closing the returned channel leaves; the
   * last cache to leave closes the node.
   *
   * @throws VelaException when the node cannot start, its settings differ from those it was
   *     started with, or a cache of that name already runs on it
   */
  public static CacheChannel joinShared(
      ClusterSettings settings, String cacheName, Function<? super CacheChannel, ? extends CacheEndpoint> endpointFor) {
    return SharedClusters.join(settings, cacheName, endpointFor);
  }

  /**
   * Registers cache {@code cacheName} on this node: requests for it go to {@code endpoint}, which
   * also hears of every view, the current one first.
   *
   * @throws VelaException when a cache of that name already runs on this node, or the node is closed
   */
  public CacheChannel join(String cacheName, CacheEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return join(cacheName, channel -> endpoint);
  }

  /**
   * Registers cache {@code cacheName} on this node with the endpoint that {@code endpointFor} makes
   * for its channel (an endpoint that answers by calling other nodes needs the channel first).
   *
   * @throws VelaException when a cache of that name already runs on this node, or the node is closed
   */
  public CacheChannel join(String cacheName, Function<? super CacheChannel, ? extends CacheEndpoint> endpointFor) {
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(endpointFor, "endpointFor");
    if (closed) {
      throw new VelaException("cluster node " + localMember() + " is closed; start a new one for cache '" + cacheName + "'");
    }
    ClusterCacheChannel channel = new ClusterCacheChannel(this, transport, cacheName);
    CacheEndpoint endpoint = Objects.requireNonNull(endpointFor.apply(channel), "endpoint");
    synchronized (viewDelivery) {
      // with a view that comes meanwhile, the endpoint gets this view first and that one after,
      // never the other way round: a cache that followed an older view last would keep routing by it
      if (!endpoints.add(cacheName, endpoint)) {
        throw new VelaException(
            "cache '" + cacheName + "' already runs on cluster node " + localMember() + "; give each cache its own name,"
                + " or run the second one on another node");
      }
      List<String> current = members;
      events.execute(() -> endpoint.membersChanged(current));
    }
    endpoints.replayParked(cacheName, endpoint);
    return channel;
  }

  /** The settings this node started with. */
  public ClusterSettings settings() {
    return settings;
  }

  /** This node's member name, as other nodes and {@code inspect()} show it. */
  public String localMember() {
    return channel.getName();
  }

  /** The members of the current view, this node included. */
  public List<String> members() {
    return members;
  }

  /**
   * How this node's start went, as {@code inspect()} shows it under {@code cluster.formation}:
   * whether its first view held every node it heard of while starting (nodes that start together
   * may first form separate clusters, which the start waits to see merged), or which ones it serves
   * without.
   */
  public String formation() {
    return formation.describe();
  }

  /**
   * How many requests the caches of this node have sent to other nodes since it started, each a
   * round trip: a figure for diagnostics, and for counting what an operation costs.
   */
  public long requestsSent() {
    return requestsSent.sum();
  }

  /** The JGroups channel under this node, for tests in this package that inject network faults. */
  JChannel jgroupsChannel() {
    return channel;
  }

  /** True when caches share this node and the last of them closes it. */
  boolean isShared() {
    return shared;
  }

  void leave(String cacheName) {
    endpoints.remove(cacheName);
  }

  /**
   * Sends {@code request} to {@code cacheName} on {@code member}. A probe is answered at once by a
   * node that does not run the cache, and then completes exceptionally; any other request waits
   * there for the cache to start (see {@link CacheEndpoints}).
   */
  CompletableFuture<byte[]> call(String cacheName, String member, byte[] request, Duration timeout, boolean probe) {
    requestsSent.increment();
    Address target = addresses.get(member);
    if (target == null || closed) {
      return CompletableFuture.failedFuture(new VelaException(
          "node " + member + " is not a member of cluster '" + settings.clusterName() + "' (members: " + members
              + "); cache '" + cacheName + "' routes to the new owner once the view has changed"));
    }
    return transport.call(cacheName, member, target, request, timeout, probe);
  }

  /**
   * How many network messages have carried this node's calls and replies since it started: calls
   * and replies that many threads send to one node at once share a message, so under load this is
   * well below {@link #callsAndRepliesSent()}. A figure for diagnostics.
   */
  public long framesSent() {
    return transport.framesSent();
  }

  /** How many calls and replies this node has sent since it started, in {@link #framesSent()} messages. */
  public long callsAndRepliesSent() {
    return transport.entriesSent();
  }

  /**
   * Waits, at most {@code timeout}, until {@code required} members are in the view.
   *
   * @throws VelaException naming the members that could not be reached
   */
  public void awaitMembers(RequiredMembers required, Duration timeout) {
    Objects.requireNonNull(required, "required");
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (viewLock) {
      while (true) {
        String missing = missing(required);
        if (missing.isEmpty()) {
          return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new VelaException(
              "cluster '" + settings.clusterName() + "' did not reach its required members within "
                  + Durations.format(timeout) + ": " + missing + " (members now: " + members + "). Start the missing"
                  + " nodes, check initialHosts" + (settings.encrypted() ? " and that every node has the same clusterSecret" : "")
                  + ", or raise joinTimeout");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(viewLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new VelaException("interrupted while waiting for the members of cluster '" + settings.clusterName() + "'", e);
        }
      }
    }
  }

  private String missing(RequiredMembers required) {
    if (required instanceof RequiredMembers.Count count) {
      return members.size() >= count.members() ? "" : "only " + members.size() + " of " + count.members() + " members";
    }
    List<String> reached = new ArrayList<>();
    for (Address address : addresses.values()) {
      Object physical = channel.down(new Event(Event.GET_PHYSICAL_ADDRESS, address));
      if (physical instanceof IpAddress ip) {
        reached.add(ip.getIpAddress().getHostAddress() + ":" + ip.getPort());
      }
    }
    List<String> unreached = new ArrayList<>();
    for (String wanted : ((RequiredMembers.Hosts) required).addresses()) {
      if (!reached.contains(resolved(wanted))) {
        unreached.add(wanted);
      }
    }
    return unreached.isEmpty() ? "" : "no member at " + String.join(", ", unreached);
  }

  private static String resolved(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    try {
      return InetAddress.getByName(hostAndPort.substring(0, colon)).getHostAddress() + hostAndPort.substring(colon);
    } catch (java.net.UnknownHostException e) {
      return hostAndPort;
    }
  }

  /** Leaves the cluster and closes the channel. Idempotent. Close the caches that use it first. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    transport.close();
    channel.close();
    events.shutdown();
    replays.shutdown();
  }

  @Override
  public String toString() {
    return "VelaCluster[" + settings.clusterName() + ", " + (closed ? "closed" : localMember() + ", members " + members) + "]";
  }

  private void onView(View view) {
    if (view == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    Map<String, Address> byName = new java.util.HashMap<>();
    for (Address address : view.getMembers()) {
      String name = address.toString();
      names.add(name);
      byName.put(name, address);
    }
    List<String> current = List.copyOf(names);
    Set<String> apart = Set.of();
    if (view instanceof MergeView merge) {
      LOG.info("cluster '{}': views that formed apart merged into {}", settings.clusterName(), merge);
      apart = MergedViews.apartFrom(merge, channel.getAddress());
    }
    synchronized (viewDelivery) {
      synchronized (viewLock) {
        addresses = Map.copyOf(byName);
        members = current;
        viewLock.notifyAll();
      }
      for (CacheEndpoint endpoint : endpoints.all()) {
        if (!apart.isEmpty()) {
          // now, not after the views queued before it: reads must look for the other side's writes at once
          endpoint.apartFrom(apart);
        }
        events.execute(() -> endpoint.membersChanged(current));
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings of an explicitly built node, starting from {@link ClusterSettings#defaults()}. */
  public static final class Builder {
    private String clusterName = ClusterSettings.DEFAULT_CLUSTER;
    private String jgroupsConfig = "";
    private String bindAddr = "127.0.0.1";
    private int port;
    private String initialHosts = "";
    private Duration joinTimeout = ClusterSettings.defaults().joinTimeout();
    private Duration rpcTimeout = ClusterSettings.defaults().rpcTimeout();
    private Duration failureTimeout = ClusterSettings.defaults().failureTimeout();
    private RequiredMembers requireMembers = RequiredMembers.NONE;
    private String clusterSecret = "";
    private ClusterTls tls = ClusterTls.NONE;

    private Builder() {}

    /** The cluster name; nodes with one name form one cluster. */
    public Builder clusterName(String clusterName) {
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /** A JGroups XML file or classpath resource, replacing the built-in TCP stack. */
    public Builder jgroupsConfig(String jgroupsConfig) {
      this.jgroupsConfig = Objects.requireNonNull(jgroupsConfig, "jgroupsConfig");
      return this;
    }

    /** The address the built-in stack binds to. */
    public Builder bindAddr(String bindAddr) {
      this.bindAddr = Objects.requireNonNull(bindAddr, "bindAddr");
      return this;
    }

    /** The built-in stack's port, 1 to 65535. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Members to contact, as {@code host[port],host[port]}. */
    public Builder initialHosts(String initialHosts) {
      HostList.parse("initialHosts", Objects.requireNonNull(initialHosts, "initialHosts"));
      this.initialHosts = initialHosts;
      return this;
    }

    /** How long to look for other members when joining. */
    public Builder joinTimeout(Duration joinTimeout) {
      this.joinTimeout = Objects.requireNonNull(joinTimeout, "joinTimeout");
      return this;
    }

    /** How long a call to another node may take. */
    public Builder rpcTimeout(Duration rpcTimeout) {
      this.rpcTimeout = Objects.requireNonNull(rpcTimeout, "rpcTimeout");
      return this;
    }

    /** How long a member may stay silent before it is suspected; see {@link ClusterSettings#failureTimeout()}. */
    public Builder failureTimeout(Duration failureTimeout) {
      this.failureTimeout = Objects.requireNonNull(failureTimeout, "failureTimeout");
      return this;
    }

    /** Who must be in the cluster before {@link #start()} returns. */
    public Builder requireMembers(RequiredMembers requireMembers) {
      this.requireMembers = Objects.requireNonNull(requireMembers, "requireMembers");
      return this;
    }

    /** The secret that encrypts all traffic of the built-in stack; see {@link ClusterSettings#clusterSecret()}. */
    public Builder clusterSecret(String clusterSecret) {
      this.clusterSecret = Objects.requireNonNull(clusterSecret, "clusterSecret");
      return this;
    }

    /** TLS with mutual authentication on the built-in stack; see {@link ClusterTls}. */
    public Builder tls(ClusterTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** The settings as they stand. */
    public ClusterSettings settings() {
      return new ClusterSettings(
          clusterName, jgroupsConfig, bindAddr, port, initialHosts, joinTimeout, rpcTimeout, failureTimeout, requireMembers,
          clusterSecret, tls);
    }

    /**
     * Starts the node.
     *
     * @throws VelaException when the channel cannot start or the required members are not reached
     */
    public VelaCluster start() {
      return VelaCluster.start(settings());
    }
  }
}
