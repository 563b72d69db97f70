package dev.vela.cluster.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FaultNodeMain} in a child JVM with this JVM's java and class path. Starting returns at
 * once, so several nodes can start at the same instant; {@link #awaitStarted} then waits for the
 * cache's {@code create()} to return there.
 */
final class FaultNode implements AutoCloseable {
  /** Generous: several builds may share the machine's cores. */
  private static final Duration ANSWER = Duration.ofSeconds(60);

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final String name;
  private String member;

  private FaultNode(Process process, String name) {
    this.process = process;
    this.name = name;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          answers.add(line);
        }
      } catch (IOException e) {
        answers.add("err stdout closed: " + e);
      }
      answers.add("err " + name + " exited");
    }, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Launches a node running a cache of {@code topology} with {@code options} ({@code name=value}),
   * its output appended to {@code log}; {@code jvmOptions} go before the main class.
   */
  static FaultNode launch(String name, Path log, List<String> jvmOptions, String topology, List<String> options) {
    return launch(name, log, List.of(), jvmOptions, topology, options);
  }

  /** As {@link #launch(String, Path, List, String, List)}, the java command run by {@code runner} (such as ip netns exec). */
  static FaultNode launch(
      String name, Path log, List<String> runner, List<String> jvmOptions, String topology, List<String> options) {
    List<String> command = new ArrayList<>(runner);
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
        "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.dev.vela.cluster=warn"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FaultNodeMain.class.getName(), topology));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new FaultNode(builder.start(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node's cache was created, and returns the node's member name. */
  String awaitStarted() {
    String started = await();
    if (!started.startsWith("ok started ")) {
      throw new AssertionError(name + " did not start: " + started);
    }
    member = started.substring("ok started ".length());
    return member;
  }

  /** The first answer of a node whose start should fail: its error, or the started line. */
  String startAnswer() {
    return await();
  }

  /** The node's member name, once started. */
  String member() {
    return member;
  }

  /** The node's process id, for signals. */
  long pid() {
    return process.pid();
  }

  /** Sends a command and returns its answer without the {@code ok }; fails on {@code err}. */
  String send(String command) {
    String answer = ask(command);
    if (!answer.startsWith("ok")) {
      throw new AssertionError(name + " answered '" + command + "' with: " + answer);
    }
    return answer.length() > 3 ? answer.substring(3) : "";
  }

  /** Sends a command and returns its answer line as it is. */
  String ask(String command) {
    commands.println(command);
    return await();
  }

  private String await() {
    try {
      String line = answers.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError(name + " gave no answer within " + ANSWER.toSeconds() + " s");
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
