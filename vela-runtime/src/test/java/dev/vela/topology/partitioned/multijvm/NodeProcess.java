package dev.vela.topology.partitioned.multijvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ClusterNodeMain} in a child JVM with this JVM's java and class path. */
public final class NodeProcess implements AutoCloseable {
  private static final long ANSWER_SECONDS = 60;

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(1000);
  /** The node's cluster port. */
  public final int port;
  /** The node's member name. */
  public final String member;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          answers.add(line);
        }
      } catch (IOException e) {
        answers.add("err stdout closed: " + e);
      }
    }, "node-" + port + "-stdout");
    reader.setDaemon(true);
    reader.start();
    String started = await();
    if (!started.startsWith("ok started ")) {
      process.destroyForcibly();
      throw new IllegalStateException("node on port " + port + " did not start: " + started);
    }
    this.member = started.substring("ok started ".length());
  }

  static NodeProcess start(int port, String initialHosts, String clusterId, Path log) {
    return start(port, initialHosts, clusterId, log, "PARTITIONED", 0, "plain");
  }

  /** Starts a PARTITIONED node whose cache has a near cache when {@code mode} is {@code near}. */
  static NodeProcess start(int port, String initialHosts, String clusterId, Path log, String mode) {
    return start(port, initialHosts, clusterId, log, "PARTITIONED", 0, mode);
  }

  /** Starts a node running the cache with {@code topology} and, for PARTITIONED, {@code backups}. */
  public static NodeProcess start(int port, String initialHosts, String clusterId, Path log, String topology, int backups) {
    return start(port, initialHosts, clusterId, log, topology, backups, "plain");
  }

  /** Starts a node with every setting: topology, backups, and {@code near} or {@code plain}. */
  static NodeProcess start(
      int port, String initialHosts, String clusterId, Path log, String topology, int backups, String mode) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
        "-cp", System.getProperty("java.class.path"),
        ClusterNodeMain.class.getName(), Integer.toString(port), initialHosts, clusterId, topology,
        Integer.toString(backups), mode));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new NodeProcess(builder.start(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a command and returns its answer without the {@code ok }; fails on {@code err}. */
  public String send(String command) {
    String answer = ask(command);
    if (!answer.startsWith("ok")) {
      throw new AssertionError("node " + port + " answered '" + command + "' with: " + answer);
    }
    return answer.length() > 3 ? answer.substring(3) : "";
  }

  /** Sends a command and returns its answer line as it is. */
  public String ask(String command) {
    commands.println(command);
    return await();
  }

  public long number(String command) {
    return Long.parseLong(send(command).trim());
  }

  private String await() {
    try {
      String line = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("node " + port + " gave no answer within " + ANSWER_SECONDS + "s");
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Kills the JVM at once, as SIGKILL does: no handover, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Sends the JVM {@code signal} ({@code STOP} to freeze it, as a long pause would, {@code CONT} to
   * let it go on) and waits for {@code kill} to have sent it.
   */
  public void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("could not send SIG" + signal + " to node " + port);
    }
  }

  public boolean waitForExit() throws InterruptedException {
    return process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
