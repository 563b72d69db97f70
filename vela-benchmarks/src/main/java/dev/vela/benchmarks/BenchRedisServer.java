package dev.vela.benchmarks;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server for a benchmark run: the linux-amd64 binary inside embedded-redis (or {@code
 * redis-server} on the PATH), on a free port of 127.0.0.1, without persistence, stopped on close.
 */
final class BenchRedisServer implements AutoCloseable {
  private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";

  private final int port;
  private final Process process;

  private BenchRedisServer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts a server and waits until it accepts connections. */
  static BenchRedisServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return start(port, List.of());
  }

  /**
   * Starts a node of a Redis Cluster, not part of one yet, in a directory of its own (for its
   * nodes.conf), on a free port whose cluster bus port (the port plus 10000) is free too.
   */
  static BenchRedisServer startClusterNode() throws IOException, InterruptedException {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(35_000);
      if (isFree(port) && isFree(port + 10_000)) {
        return start(port, List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
      }
    }
    throw new IOException("no free port pair (port, port + 10000) on loopback after 100 tries");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static BenchRedisServer start(int port, List<String> more) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(binary().toString(), "--bind", "127.0.0.1", "--port",
        Integer.toString(port), "--save", "", "--appendonly", "no"));
    command.addAll(more);
    Path directory = Files.createTempDirectory("vela-bench-redis-" + port);
    directory.toFile().deleteOnExit();
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .start();
    BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = log.readLine(); ; line = log.readLine()) {
      if (line == null) {
        throw new IOException("redis-server on port " + port + " ended before it was ready");
      }
      if (line.contains("Ready to accept connections")) {
        break;
      }
    }
    Thread drain = new Thread(() -> {
      try {
        log.lines().forEach(line -> { });
      } catch (UncheckedIOException e) {
        // the stream closes when the server stops: nothing more to drain
      }
    }, "redis-server log");
    drain.setDaemon(true);
    drain.start();
    BenchRedisServer server = new BenchRedisServer(port, process);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return server;
  }

  /** The server's port. */
  int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Path binary() throws IOException {
    try (InputStream bundled = BenchRedisServer.class.getResourceAsStream(BUNDLED)) {
      if (bundled != null && System.getProperty("os.arch").matches("amd64|x86_64")
          && System.getProperty("os.name").startsWith("Linux")) {
        Path file = Files.createTempFile("vela-bench-redis-server", "");
        file.toFile().deleteOnExit();
        Files.copy(bundled, file, StandardCopyOption.REPLACE_EXISTING);
        if (!file.toFile().setExecutable(true)) {
          throw new IOException("cannot make " + file + " executable");
        }
        return file;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return Path.of("redis-server"); // found on the PATH
  }
}
