package dev.vela.benchmarks;

import java.util.Locale;

/**
 * The products {@link RemoteGetMain} measures, each with its server side (started in a JVM of its
 * own) and its calling side (in another).
 */
enum RemoteProduct {
  /** A Vela PARTITIONED cache on two nodes, no backups. */
  VELA("Vela"),
  /** Two Hazelcast 5.7 members, an IMap without backups. */
  HAZELCAST("Hazelcast 5.7"),
  /** Two embedded Infinispan 16.1 nodes, a DIST_SYNC cache with one owner, JGroups TCP. */
  INFINISPAN("Infinispan 16.1"),
  /** A plain TCP ping-pong of the same sizes, one connection per calling thread: the floor. */
  TCP("TCP ping-pong");

  /** How many entries the cluster holds. */
  static final int KEYS = 10_000;

  private final String title;

  RemoteProduct(String title) {
    this.title = title;
  }

  /** The name in the report's tables. */
  String title() {
    return title;
  }

  /** The product named {@code name} on the command line, case-insensitive. */
  static RemoteProduct named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown product '" + name + "'; choose among vela, hazelcast, infinispan, tcp", e);
    }
  }

  /** The key numbered {@code i}. */
  static String key(int i) {
    return "product:" + i;
  }

  /** Starts the server side on {@code serverPort}, joining the client on {@code clientPort}. */
  AutoCloseable serve(int serverPort, int clientPort) throws Exception {
    return switch (this) {
      case VELA -> RemoteVela.serve(serverPort, clientPort);
      case HAZELCAST -> RemoteHazelcast.serve(serverPort, clientPort);
      case INFINISPAN -> RemoteInfinispan.serve(serverPort, clientPort);
      case TCP -> RemoteTcp.serve(serverPort);
    };
  }

  /** Starts the calling side on {@code clientPort}, fills the cluster and finds the remote keys. */
  RemoteSubject connect(int serverPort, int clientPort) throws Exception {
    return switch (this) {
      case VELA -> RemoteVela.connect(serverPort, clientPort);
      case HAZELCAST -> RemoteHazelcast.connect(serverPort, clientPort);
      case INFINISPAN -> RemoteInfinispan.connect(serverPort, clientPort);
      case TCP -> RemoteTcp.connect(serverPort);
    };
  }
}
