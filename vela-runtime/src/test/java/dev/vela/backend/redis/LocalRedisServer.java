package dev.vela.backend.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for tests, bound to 127.0.0.1 on a free port, without persistence: a
 * primary, a replica of another, or a Sentinel. The binary comes from the embedded-redis test
 * dependency (extracted once per JVM), or else from {@code redis-server} on the PATH. It is
 * stopped by {@link #close()} and, should a test run end early, by a shutdown hook.
 */
public final class LocalRedisServer implements AutoCloseable {
  private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";
  private static final Duration START_DEADLINE = Duration.ofSeconds(20);
  private static volatile Path binary;

  private static final String READY = "Ready to accept connections";

  private final int port;
  private final List<String> leading;
  private final List<String> role;
  private final String readyLine;
  private final Thread stopOnExit = new Thread(this::stop, "stop test redis-server");
  private Process process;

  /**
   * @param leading arguments before the configuration lines: a Sentinel's configuration file and
   *     {@code --sentinel}
   * @param role configuration lines after the common ones
   */
  private LocalRedisServer(int port, List<String> leading, List<String> role, String readyLine) {
    this.port = port;
    this.leading = leading;
    this.role = role;
    this.readyLine = readyLine;
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts a server on a free loopback port. */
  public static LocalRedisServer start() {
    return started(new LocalRedisServer(freePort(), List.of(), List.of(), READY));
  }

  /** Starts a replica of {@code primary} on a free loopback port. */
  public static LocalRedisServer startReplicaOf(LocalRedisServer primary) {
    return started(new LocalRedisServer(freePort(), List.of(),
        List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())), READY));
  }

  /**
   * Starts a Sentinel on a free loopback port that watches {@code primary} as {@code masterName},
   * with {@code quorum}, taking a primary down after one second without an answer and retrying a
   * failed election after 4 s (twice the failover timeout). Sentinels that start an election at
   * about the same time split their votes and must retry: with the failover timeout at 3 s two
   * such retries in a row put the promotion 14 s after the kill, past what the failover tests
   * allow; at 2 s it takes three.
   */
  public static LocalRedisServer startSentinel(String masterName, LocalRedisServer primary, int quorum) {
    Path config;
    try {
      config = Files.createTempFile("vela-test-sentinel", ".conf"); // Sentinel rewrites its configuration
      config.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Sentinel configuration file", e);
    }
    return started(new LocalRedisServer(freePort(), List.of(config.toString(), "--sentinel"),
        List.of("--sentinel", "monitor", masterName, "127.0.0.1", Integer.toString(primary.port()),
        Integer.toString(quorum),
        "--sentinel", "down-after-milliseconds", masterName, "1000",
        "--sentinel", "failover-timeout", masterName, "2000"), "Sentinel ID is"));
  }

  /**
   * Starts a node of a Redis Cluster, not yet part of one, on a free loopback port whose cluster
   * bus port (the port plus 10000) is free too.
   */
  public static LocalRedisServer startClusterNode() {
    return startClusterNode(List.of());
  }

  /** Starts a node of a Redis Cluster, as {@link #startClusterNode()}, with further configuration lines. */
  public static LocalRedisServer startClusterNode(List<String> configuration) {
    List<String> role = new java.util.ArrayList<>(List.of("--cluster-enabled", "yes",
        "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
    role.addAll(configuration);
    return started(new LocalRedisServer(freeClusterPort(), List.of(), List.copyOf(role), READY));
  }

  /**
   * Starts a node of a Redis Cluster, as {@link #startClusterNode()}, that speaks only TLS, to
   * clients, replicas and the other nodes alike: its port is the TLS port (the plain one is off),
   * with {@code certificate} and {@code key} (PEM files) for its side and {@code certificate} as the
   * authority it trusts; clients need no certificate.
   */
  public static LocalRedisServer startTlsClusterNode(Path certificate, Path key) {
    int port = freeClusterPort();
    List<String> role = List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", "2000", "--port", "0", "--tls-port", Integer.toString(port),
        "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(),
        "--tls-ca-cert-file", certificate.toString(), "--tls-auth-clients", "no", "--tls-cluster", "yes",
        "--tls-replication", "yes");
    return started(new LocalRedisServer(port, List.of(), role, READY));
  }

  private static LocalRedisServer started(LocalRedisServer server) {
    server.startAgain();
    return server;
  }

  /** Kills the server at once (SIGKILL), as a crash would: nothing is handed over. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server, as an outage would; {@link #startAgain()} brings it back on the same port. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server (again) on its port, empty, and waits until it accepts connections. */
  public synchronized void startAgain() {
    if (process != null) {
      throw new IllegalStateException("redis-server on port " + port + " is already running");
    }
    List<String> command = new java.util.ArrayList<>(List.of(binary().toString()));
    command.addAll(leading);
    command.addAll(List.of("--bind", "127.0.0.1", "--port", Integer.toString(port), "--save", "", "--appendonly", "no",
        "--protected-mode", "yes"));
    command.addAll(role);
    try {
      // its own working directory: a replica stores the copy it syncs as dump.rdb there
      process = new ProcessBuilder(command).directory(workDirectory()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    awaitReady(process);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway, and finds the server stopped
    }
  }

  private void awaitReady(Process started) {
    CountDownLatch ready = new CountDownLatch(1);
    // the server logs to its stdout: read it until it says it is ready, and drain it afterwards so
    // that the server never blocks on a full pipe
    Thread reader = new Thread(() -> {
      try (BufferedReader log = new BufferedReader(
          new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
          if (line.contains(readyLine)) {
            ready.countDown();
          }
        }
      } catch (IOException stopped) {
        // the server ended
      }
    }, "redis-server log on port " + port);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw new IllegalStateException("redis-server on port " + port + " did not start within " + START_DEADLINE);
      }
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  private java.io.File workDirectory() throws IOException {
    Path directory = Files.createTempDirectory("vela-test-redis-" + port);
    directory.toFile().deleteOnExit();
    return directory.toFile();
  }

  private static Path binary() {
    Path found = binary;
    if (found == null) {
      synchronized (LocalRedisServer.class) {
        if (binary == null) {
          binary = locate();
        }
        found = binary;
      }
    }
    return found;
  }

  private static Path locate() {
    boolean linuxAmd64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64");
    try (InputStream bundled = linuxAmd64 ? LocalRedisServer.class.getResourceAsStream(BUNDLED) : null) {
      if (bundled != null) {
        Path file = Files.createTempFile("vela-test-redis-server", "");
        file.toFile().deleteOnExit();
        Files.copy(bundled, file, StandardCopyOption.REPLACE_EXISTING);
        if (!file.toFile().setExecutable(true)) {
          throw new IOException("cannot make " + file + " executable");
        }
        return file;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled redis-server", e);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no redis-server: neither the embedded-redis binary for linux-amd64 nor"
        + " redis-server on the PATH was found");
  }

  private static int freeClusterPort() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(35_000);
      if (isFree(port) && isFree(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair (port, port + 10000) on loopback after 100 tries");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }
}
