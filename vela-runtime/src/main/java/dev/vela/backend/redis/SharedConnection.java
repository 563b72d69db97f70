package dev.vela.backend.redis;

import dev.vela.VelaException;
import dev.vela.backend.Deadlines;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.Disposable;

/**
 * One Lettuce connection to one Redis URL (a server, or its primary found through Sentinel) or to
 * one Redis Cluster, shared by every cache of the JVM that uses it. On a cluster, Lettuce routes
 * each command to the shard of its first key, follows MOVED and ASK, and refreshes its view of the
 * cluster periodically ({@link #TOPOLOGY_REFRESH}) and whenever a redirection or a lost node says
 * it changed.
 * Commands of all threads travel on it asynchronously, so Lettuce pipelines them instead of
 * waiting for each reply in turn. While Redis is unreachable, commands are refused at once and the
 * connection keeps reconnecting in the background (at most every {@link #MAX_RECONNECT_DELAY}), so
 * caches work again without a restart once Redis is back. Each call waits for its reply at most the
 * cache's {@code timeout} and then cancels the command, so Lettuce needs no timer per command.
 */
final class SharedConnection {
  /** The longest pause between two attempts to reconnect. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofMillis(500);

  /** How often the view of a cluster's shards is refreshed when nothing says it changed. */
  static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(10);
  /**
   * The least time between two refreshes that redirections or lost nodes ask for: short, since a
   * failover first makes them ask while the replica is not promoted yet, and then again after.
   */
  static final Duration ADAPTIVE_REFRESH_PAUSE = Duration.ofSeconds(1);

  /**
   * Lettuce's timer per command turned off (it is on by default, at the URL's timeout): every
   * call waits for its replies until its own deadline and cancels them then, so a second timer
   * per command would only cost time on every call.
   */
  private static final TimeoutOptions NO_COMMAND_TIMER = TimeoutOptions.builder().timeoutCommands(false).build();

  private final String url;
  private final String option;
  private final RedisURI seed;
  private final Duration timeout;
  private final ClientResources resources;
  private final AbstractRedisClient client;
  private final StatefulConnection<byte[], byte[]> connection;
  private final RedisClusterAsyncCommands<byte[], byte[]> commands;
  private RedisClient nodeClient; // on a cluster, for tracking connections to single nodes; guarded by this
  private int users; // guarded by SharedConnections

  private SharedConnection(RedisSettings settings, ClientResources resources, RedisClient client,
      StatefulRedisConnection<byte[], byte[]> connection) {
    this.url = settings.redacted();
    this.option = optionOf(settings);
    this.seed = settings.uri();
    this.timeout = settings.timeout();
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.commands = connection.async();
  }

  private SharedConnection(RedisSettings settings, ClientResources resources, RedisClusterClient client,
      StatefulRedisClusterConnection<byte[], byte[]> connection) {
    this.url = settings.redacted();
    this.option = optionOf(settings);
    this.seed = settings.uri();
    this.timeout = settings.timeout();
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.commands = connection.async();
  }

  /**
   * Connects to {@code settings.uri()}.
   *
   * @throws VelaException saying that Redis is unreachable when the first connection fails
   */
  static SharedConnection open(RedisSettings settings) {
    ClientResources resources = DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
        .build();
    AbstractRedisClient opened = null;
    try {
      if (settings.isCluster()) {
        RedisClusterClient client = RedisClusterClient.create(resources, settings.clusterNodes());
        opened = client;
        client.setOptions(ClusterClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
            .timeoutOptions(NO_COMMAND_TIMER)
            .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                .enableAllAdaptiveRefreshTriggers()
                .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_PAUSE)
                .build())
            .build());
        return new SharedConnection(settings, resources, client, client.connect(ByteArrayCodec.INSTANCE));
      }
      RedisClient client = RedisClient.create(resources, settings.uri());
      opened = client;
      client.setOptions(serverOptions(settings.timeout()));
      return new SharedConnection(settings, resources, client, client.connect(ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      RedisCommandExecutionException refused = refusal(e);
      if (refused != null) {
        throw new VelaException("Redis at " + settings.redacted() + " refused the connection (" + refused.getMessage()
            + "); check the user, password and database in the " + optionOf(settings) + " option", e);
      }
      throw unreachable(settings.redacted(), optionOf(settings), settings.timeout(), e);
    }
  }

  /** Options of a connection to one server: reconnect by itself, fail fast while disconnected. */
  private static ClientOptions serverOptions(Duration timeout) {
    return ClientOptions.builder()
        .autoReconnect(true)
        // fail fast while disconnected, rather than queue commands that would all time out later
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(NO_COMMAND_TIMER)
        .build();
  }

  /** The server's answer among the causes of a failed connection (AUTH, SELECT), or null when it did not answer. */
  private static RedisCommandExecutionException refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RedisCommandExecutionException refused) {
        return refused;
      }
    }
    return null;
  }

  /** The asynchronous commands of the shared connection. */
  RedisClusterAsyncCommands<byte[], byte[]> commands() {
    return commands;
  }

  /**
   * A new connection of its own to the same server, with the same reconnect behaviour, for a
   * near cache's client tracking; the caller closes it.
   */
  StatefulRedisConnection<byte[], byte[]> openDedicated() {
    if (!(client instanceof RedisClient standalone)) {
      throw new IllegalStateException("a dedicated connection is for one server, not for a cluster");
    }
    return standalone.connect(ByteArrayCodec.INSTANCE);
  }

  /**
   * A new connection of its own to one node of the cluster, with the credentials and TLS setting
   * of the seed nodes and the same reconnect behaviour, for a near cache's client tracking; the
   * caller closes it.
   */
  StatefulRedisConnection<byte[], byte[]> openDedicated(RedisURI node) {
    RedisClient nodes;
    synchronized (this) {
      if (nodeClient == null) {
        nodeClient = RedisClient.create(resources);
        nodeClient.setOptions(serverOptions(timeout));
      }
      nodes = nodeClient;
    }
    return nodes.connect(ByteArrayCodec.INSTANCE, node);
  }

  /**
   * The primaries of the cluster that serve slots, by {@code host:port}, as the connection's view
   * of the topology has them now, each with the seed nodes' credentials and TLS setting.
   */
  Map<String, RedisURI> clusterPrimaries() {
    Map<String, RedisURI> primaries = new TreeMap<>();
    for (RedisClusterNode node : ((RedisClusterClient) client).getPartitions()) {
      if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
        RedisURI at = node.getUri();
        primaries.put(at.getHost() + ":" + at.getPort(),
            RedisURI.builder(seed).withHost(at.getHost()).withPort(at.getPort()).build());
      }
    }
    return primaries;
  }

  /** Asks Lettuce to read the cluster's topology again; completes when it has. */
  CompletionStage<Void> refreshTopology() {
    return ((RedisClusterClient) client).refreshPartitionsAsync();
  }

  /** Runs {@code action} on Lettuce's threads whenever its view of the cluster's topology changes; close to stop. */
  AutoCloseable onTopologyChange(Runnable action) {
    Disposable subscription = resources.eventBus().get()
        .filter(event -> event instanceof ClusterTopologyChangedEvent)
        .subscribe(event -> action.run());
    return subscription::dispose;
  }

  /** How long a call may wait, as the first cache of the connection set it. */
  Duration timeout() {
    return timeout;
  }

  /** True for a connection to a Redis Cluster. */
  boolean isCluster() {
    return client instanceof RedisClusterClient;
  }

  /** The URL without password, for messages and {@code inspect()}. */
  String url() {
    return url;
  }

  /**
   * Waits at most {@code timeout} for {@code reply}.
   *
   * @param what what the call was for, such as "get", for the message
   * @throws VelaException saying that Redis is unreachable, or that it refused the command
   */
  <T> T await(RedisFuture<T> reply, Duration timeout, String what) {
    return awaitUntil(reply, System.nanoTime() + timeout.toNanos(), timeout, what);
  }

  /**
   * Waits for {@code reply} until {@code deadline} ({@link System#nanoTime()}), the end of the
   * call it belongs to: a call of several commands (a script sent again by its source, the counts
   * of every bucket) waits for all of them within its one {@code timeout}, not for each in turn.
   *
   * @param timeout the call's timeout, for the message
   * @throws VelaException as {@link #await} does
   */
  <T> T awaitUntil(RedisFuture<T> reply, long deadline, Duration timeout, String what) {
    try {
      // a reply already there is taken even after the deadline: a wait of zero still returns it
      return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      reply.cancel(false);
      throw unreachable(url, option, timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VelaException("interrupted while waiting for Redis at " + url + " (" + what + ")", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RedisNoScriptException noScript) {
        throw noScript; // the caller sends the script's source instead
      }
      throw failure(cause, timeout, what);
    }
  }

  /** The exception a call for {@code what} fails with when Redis answered {@code cause}, or none in time. */
  private VelaException failure(Throwable cause, Duration timeout, String what) {
    if (cause instanceof RedisCommandExecutionException refused && isFailingOver(refused)) {
      return new VelaException("Redis at " + url + " cannot serve " + what + " while it fails over ("
          + refused.getMessage() + "); calls fail until a replica has taken over, and then work again", refused);
    }
    if (cause instanceof RedisCommandExecutionException refused) {
      return new VelaException("Redis at " + url + " refused " + what + ": " + refused.getMessage(), refused);
    }
    return unreachable(url, option, timeout, cause);
  }

  /**
   * True for the errors a server answers while a primary is lost and not replaced yet: the cluster
   * is down for its slots, a slot is moving, a replica has lost its primary or is still loading.
   */
  private static boolean isFailingOver(RedisCommandExecutionException refused) {
    String message = String.valueOf(refused.getMessage());
    return message.startsWith("CLUSTERDOWN") || message.startsWith("TRYAGAIN") || message.startsWith("MASTERDOWN")
        || message.startsWith("LOADING");
  }

  /**
   * {@link #await}'s asynchronous form: a future of the reply that never blocks a thread. It
   * completes exceptionally, with the exception {@code await} would throw, when Redis refuses the
   * command, is unreachable, or has not answered within {@code timeout} (the command is then
   * cancelled). It may complete on Lettuce's I/O thread.
   */
  <T> CompletableFuture<T> replyOf(RedisFuture<T> reply, Duration timeout, String what) {
    return replyOf(reply, System.nanoTime() + timeout.toNanos(), timeout, what);
  }

  /** {@link #replyOf(RedisFuture, Duration, String)} for a command of a call that ends at {@code deadline}. */
  private <T> CompletableFuture<T> replyOf(RedisFuture<T> reply, long deadline, Duration timeout, String what) {
    CompletableFuture<T> bounded = Deadlines.within(reply.toCompletableFuture(),
        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
        () -> unreachable(url, option, timeout, new TimeoutException("no reply to " + what + " within " + timeout.toMillis()
            + " ms")),
        () -> reply.cancel(false));
    CompletableFuture<T> answer = new CompletableFuture<>();
    bounded.whenComplete((value, failure) -> {
      if (failure == null) {
        answer.complete(value);
        return;
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause instanceof VelaException || cause instanceof RedisNoScriptException) {
        answer.completeExceptionally(cause); // the caller sends a script's source instead
      } else {
        answer.completeExceptionally(failure(cause, timeout, what));
      }
    });
    return answer;
  }

  /** {@link #run}'s asynchronous form (see {@link #replyOf}). */
  CompletableFuture<List<Object>> runAsync(LuaScript script, Duration timeout, byte[][] keys, byte[]... args) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return replyOf(commands.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args), deadline, timeout,
        script.name())
        .handle((reply, failure) -> {
          if (failure == null) {
            return CompletableFuture.completedFuture(reply);
          }
          if (failure instanceof RedisNoScriptException) {
            // the source within what is left of the call's timeout, not a timeout of its own
            return replyOf(commands.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, keys, args), deadline,
                timeout, script.name());
          }
          return CompletableFuture.<List<Object>>failedFuture(failure);
        })
        .thenCompose(reply -> reply);
  }

  /**
   * Runs {@code script} by its digest, sending its source once if this server does not know it
   * yet (a new or restarted server).
   */
  List<Object> run(LuaScript script, Duration timeout, byte[][] keys, byte[]... args) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      return awaitUntil(commands.evalsha(script.sha(), ScriptOutputType.MULTI, keys, args), deadline, timeout,
          script.name());
    } catch (RedisNoScriptException unknown) {
      // the source within what is left of the call's timeout, not a timeout of its own
      return awaitUntil(commands.eval(script.source(), ScriptOutputType.MULTI, keys, args), deadline, timeout,
          script.name());
    }
  }

  /**
   * Runs {@code script} once per route (its keys) with its arguments, sending all before awaiting
   * the first reply; a server that does not know the script yet gets its source.
   */
  List<List<Object>> runAll(LuaScript script, Duration timeout, List<byte[][]> keys, List<byte[][]> args) {
    // one deadline for all: awaiting each reply for a timeout of its own would let late replies add
    // up, each coming just within its own timeout after the one before
    long deadline = System.nanoTime() + timeout.toNanos();
    List<RedisFuture<List<Object>>> replies = new java.util.ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      replies.add(commands.evalsha(script.sha(), ScriptOutputType.MULTI, keys.get(i), args.get(i)));
    }
    List<List<Object>> answers = new java.util.ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      try {
        answers.add(awaitUntil(replies.get(i), deadline, timeout, script.name()));
      } catch (RedisNoScriptException unknown) {
        answers.add(awaitUntil(commands.eval(script.source(), ScriptOutputType.MULTI, keys.get(i), args.get(i)),
            deadline, timeout, script.name()));
      }
    }
    return answers;
  }

  /** Counts one more cache using the connection; called with the registry's lock held. */
  void retain() {
    users++;
  }

  /** Counts one cache less; true when none is left. Called with the registry's lock held. */
  boolean release() {
    return --users == 0;
  }

  /** Closes the connection and frees its threads. */
  void shutdown() {
    connection.close();
    synchronized (this) {
      if (nodeClient != null) {
        nodeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** The option that says where Redis is. */
  private static String optionOf(RedisSettings settings) {
    return settings.isCluster() ? "clusterNodes" : "url";
  }

  private static VelaException unreachable(String url, String option, Duration timeout, Throwable cause) {
    return new VelaException("Redis at " + url + " is unreachable (" + cause + "); calls fail after at most the"
        + " timeout option (" + timeout.toMillis() + " ms) until it is back, and then work again. Check that Redis"
        + " runs there and that the " + option + " option points to it", cause);
  }
}
