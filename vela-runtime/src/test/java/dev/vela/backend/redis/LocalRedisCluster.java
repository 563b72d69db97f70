package dev.vela.backend.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster for tests: primaries and a replica of each, every node a {@link
 * LocalRedisServer} on loopback, joined with CLUSTER MEET, given the 16384 slots in equal ranges
 * with CLUSTER ADDSLOTS and paired with CLUSTER REPLICATE (the bundled server has no redis-cli).
 * {@link #start} returns once every node reports {@code cluster_state:ok} and every replica is
 * in sync.
 */
final class LocalRedisCluster implements AutoCloseable {
  private static final int SLOTS = 16_384;
  private static final Duration FORMS_WITHIN = Duration.ofSeconds(30);

  private static LocalRedisCluster shared;

  private final List<LocalRedisServer> primaries;
  private final List<LocalRedisServer> replicas;

  /**
   * The cluster of 3 primaries and 3 replicas that the tests of one JVM share (caches of unique
   * names keep them apart); started on first use, stopped when the JVM exits. Tests that kill a
   * node start their own.
   */
  static synchronized LocalRedisCluster shared() {
    if (shared == null) {
      shared = start(3);
    }
    return shared;
  }

  private final String credentials;
  private final boolean tls;

  private LocalRedisCluster(List<LocalRedisServer> primaries, List<LocalRedisServer> replicas, String credentials,
      boolean tls) {
    this.primaries = primaries;
    this.replicas = replicas;
    this.credentials = credentials;
    this.tls = tls;
  }

  /** Starts {@code primaryCount} primaries with one replica each and forms the cluster. */
  static LocalRedisCluster start(int primaryCount) {
    return start(primaryCount, List.of(), "");
  }

  /**
   * Starts a cluster whose nodes want a password: {@code password} for the default user (replicas
   * give it to their primaries), and {@code user} with {@code userPassword} as an ACL user allowed
   * everything.
   */
  static LocalRedisCluster startWithPassword(int primaryCount, String password, String user, String userPassword) {
    return start(primaryCount, List.of("--requirepass", password, "--masterauth", password,
        "--user", user, "on", ">" + userPassword, "~*", "&*", "+@all"), password + "@");
  }

  /**
   * Starts a cluster whose nodes speak only TLS ({@link LocalRedisServer#startTlsClusterNode}), with
   * {@code certificate} and {@code key} for every node; {@link #url} then gives {@code rediss://}.
   */
  static LocalRedisCluster startWithTls(int primaryCount, java.nio.file.Path certificate, java.nio.file.Path key) {
    return start(primaryCount, "", true, () -> LocalRedisServer.startTlsClusterNode(certificate, key));
  }

  private static LocalRedisCluster start(int primaryCount, List<String> configuration, String credentials) {
    return start(primaryCount, credentials, false, () -> LocalRedisServer.startClusterNode(configuration));
  }

  private static LocalRedisCluster start(int primaryCount, String credentials, boolean tls,
      java.util.function.Supplier<LocalRedisServer> node) {
    List<LocalRedisServer> primaries = new ArrayList<>();
    List<LocalRedisServer> replicas = new ArrayList<>();
    LocalRedisCluster cluster = new LocalRedisCluster(primaries, replicas, credentials, tls);
    try {
      for (int i = 0; i < primaryCount; i++) {
        primaries.add(node.get());
        replicas.add(node.get());
      }
      cluster.form();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void form() {
    List<LocalRedisServer> all = new ArrayList<>(primaries);
    all.addAll(replicas);
    RedisClient client = RedisClient.create();
    List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    try {
      for (LocalRedisServer node : all) {
        io.lettuce.core.RedisURI uri = io.lettuce.core.RedisURI.create(url(node));
        uri.setVerifyPeer(false); // forming the cluster trusts its own nodes; the caches under test verify them
        connections.add(client.connect(uri));
      }
      RedisCommands<String, String> first = connections.get(0).sync();
      for (LocalRedisServer node : all.subList(1, all.size())) {
        first.clusterMeet("127.0.0.1", node.port());
      }
      for (int i = 0; i < primaries.size(); i++) {
        int from = i * SLOTS / primaries.size();
        int to = (i + 1) * SLOTS / primaries.size();
        connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
      }
      await("every node knows every other", () -> connections.stream().allMatch(c -> knowsAll(c.sync(), all.size())));
      for (int i = 0; i < replicas.size(); i++) {
        String primaryId = connections.get(i).sync().clusterMyId();
        connections.get(primaries.size() + i).sync().clusterReplicate(primaryId);
      }
      await("the cluster is ok and every replica in sync", () -> connections.stream().allMatch(c ->
          c.sync().clusterInfo().contains("cluster_state:ok")
              && (!c.sync().info("replication").contains("role:slave")
                  || c.sync().info("replication").contains("master_link_status:up"))));
      await("every primary has its replica", () -> connections.subList(0, primaries.size()).stream()
          .allMatch(c -> c.sync().info("replication").contains("connected_slaves:1")));
    } finally {
      connections.forEach(StatefulRedisConnection::close);
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static boolean knowsAll(RedisCommands<String, String> node, int count) {
    String nodes = node.clusterNodes();
    return nodes.lines().count() == count && !nodes.contains("handshake") && !nodes.contains("noaddr");
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + FORMS_WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the test cluster did not get there within " + FORMS_WITHIN + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** The URL of {@code node}, with the cluster's password if it has one. */
  String url(LocalRedisServer node) {
    return (tls ? "rediss://" : "redis://") + credentials + "127.0.0.1:" + node.port();
  }

  /** The primaries, in slot order. */
  List<LocalRedisServer> primaries() {
    return primaries;
  }

  /** The replicas; the one at index i replicates primary i. */
  List<LocalRedisServer> replicas() {
    return replicas;
  }

  /** The index of the primary that served {@code redisKey}'s slot when the cluster was formed. */
  int primaryIndexOf(byte[] redisKey) {
    return io.lettuce.core.cluster.SlotHash.getSlot(redisKey) * primaries.size() / SLOTS;
  }

  /** The seed nodes, as the clusterNodes option takes them: every primary. */
  String nodes() {
    return String.join(",", primaries.stream().map(node -> "127.0.0.1:" + node.port()).toList());
  }

  @Override
  public void close() {
    primaries.forEach(LocalRedisServer::close);
    replicas.forEach(LocalRedisServer::close);
  }
}
