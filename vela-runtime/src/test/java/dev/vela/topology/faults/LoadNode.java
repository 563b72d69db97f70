package dev.vela.topology.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FaultNodeMain} in a child JVM: its event lines go to the {@link Ledger}, its answers to
 * the commands sent to it.
 */
final class LoadNode implements AutoCloseable {
  private static final String CLOSED = "err stdout closed";

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final CountDownLatch outputEnded = new CountDownLatch(1);
  private final Ledger ledger;
  /** The node's number, which names its keys. */
  final int number;

  private LoadNode(Process process, int number, Ledger ledger) {
    this.process = process;
    this.number = number;
    this.ledger = ledger;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "fault-node-" + number + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts node {@code number} on {@code port}; {@link #awaitStarted} waits for its cache. */
  static LoadNode start(int number, int port, String initialHosts, String clusterName, Path log, Ledger ledger) {
    return start(number, port, initialHosts, clusterName, log, ledger, "10s");
  }

  /** As {@link #start(int, int, String, String, Path, Ledger)}, with the cluster's {@code failureTimeout}. */
  static LoadNode start(
      int number, int port, String initialHosts, String clusterName, Path log, Ledger ledger, String failureTimeout) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
        "-Dorg.slf4j.simpleLogger.log.dev.vela.cluster.VelaCluster=info",
        "-cp", System.getProperty("java.class.path"),
        FaultNodeMain.class.getName(), Integer.toString(port), initialHosts, clusterName, Integer.toString(number),
        failureTimeout));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new LoadNode(builder.start(), number, ledger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("ok") || line.startsWith("err")) {
          answers.add(line);
        } else {
          ledger.record(number, line);
        }
      }
    } catch (IOException e) {
      // the process died: say so below
    }
    answers.add(CLOSED);
    outputEnded.countDown();
  }

  /** Waits, at most {@code within}, for the node's cache to have started. */
  void awaitStarted(Duration within) {
    String started = answer("(start)", within);
    if (!started.startsWith("ok started ")) {
      throw new AssertionError("node " + number + " did not start: " + started);
    }
  }

  /** Sends {@code command} and returns its answer after {@code ok }; fails on {@code err} or silence. */
  String send(String command, Duration within) {
    commands.println(command);
    String answer = answer(command, within);
    if (!answer.startsWith("ok")) {
      throw new AssertionError("node " + number + " answered '" + command + "' with: " + answer);
    }
    return answer.length() > 3 ? answer.substring(3) : "";
  }

  private String answer(String command, Duration within) {
    try {
      String line = answers.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError("node " + number + " did not answer '" + command + "' within " + within);
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for node " + number, e);
    }
  }

  /** Kills the JVM at once (SIGKILL): no leave, no handover; its writes in flight become unknown. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS) || !outputEnded.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("node " + number + " did not die within 30 s of SIGKILL");
    }
    ledger.nodeDied(number); // after its last event line, so none of them comes later
  }

  /**
   * Sends the JVM {@code signal} ({@code STOP} to pause it as a long GC or a stalled VM would,
   * {@code CONT} to let it go on) and waits until {@code kill} has sent it.
   */
  void signal(String signal) throws java.io.IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("could not send SIG" + signal + " to node " + number);
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
