package dev.vela.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code keytool}, for tests that make their key material at run time and never keep it. */
public final class Keytool {
  private Keytool() {}

  /**
   * Runs {@code keytool} with {@code args}, its output appended to {@code keytool.log} in {@code dir};
   * fails with that output when it does not end well within a minute.
   */
  public static void run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Path output = dir.resolve("keytool.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + Files.readString(output));
    }
  }
}
