package dev.vela.backend.disk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link DiskChildMain} process with the test's java and class path, and the lines it printed. */
final class ChildJvm implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer errors = new StringBuffer();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLines, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    Thread errorReader = new Thread(this::readErrors, "child-stderr-" + process.pid());
    errorReader.setDaemon(true);
    errorReader.start();
  }

  /** Starts {@code DiskChildMain} with {@code args}. */
  static ChildJvm start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these children are short-lived
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DiskChildMain.class.getName());
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).start());
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process died; what it printed before is in the queue
    } finally {
      lines.add(END);
    }
  }

  private void readErrors() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        errors.append(line).append('\n');
      }
    } catch (IOException e) {
      // the process died; what it printed before is kept
    }
  }

  /** What the child printed to standard error so far, for failure messages. */
  String errors() {
    return errors.toString();
  }

  /** The next line the child prints, or null when it ends or prints nothing within {@code deadline}. */
  String nextLine(Duration deadline) throws InterruptedException {
    String line = lines.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null || line.equals(END)) {
      return null;
    }
    return line;
  }

  /** Every line not yet taken, once the child has ended and its output is read to the end. */
  List<String> linesUntilEnd(Duration deadline) throws InterruptedException {
    List<String> rest = new ArrayList<>();
    long until = System.nanoTime() + deadline.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the output of child " + process.pid() + " did not end within " + deadline);
      }
      if (line.equals(END)) {
        return rest;
      }
      rest.add(line);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Kills the child with SIGKILL and waits for it to be gone. Through its process handle, because
   * {@link Process#destroyForcibly} also closes the child's output, losing lines it printed that
   * were not read yet.
   */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " did not die within 30s of SIGKILL");
    }
  }

  long pid() {
    return process.pid();
  }

  /** Kills the child if it still runs, so that no test leaves a process behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
