package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every JVM places a key at the same point of the ring: a second JVM, started with another default
 * charset and locale and without the JIT, computes the same hashes as this one, and both match the
 * values pinned here, which no future version may change.
 */
class CrossJvmHashTest {
  private static final long CHILD_DEADLINE_SECONDS = 60;

  @Test
  void hashesAreIdenticalInAnotherJvmAndPinned() throws Exception {
    Map<String, String> here = HashedKeys.hashes();
    Map<String, String> there = hashesFromChildJvm();

    assertThat(there).containsExactlyEntriesOf(here);
    assertThat(here).containsExactly(
        entry("string:empty", "e934a84adb052768"),
        entry("string:ascii", "a1923415cf040871"),
        entry("string:latin", "1fb889bd13ffb737"),
        entry("string:cjk", "7d384f4cca9882ef"),
        entry("string:emoji", "e8971d2e57aeceba"),
        entry("string:long", "6780b7d6897da696"),
        entry("composite:red", "0429240adea37114"),
        entry("composite:blue", "71db3cbaba8bd230"),
        entry("enum:green", "98f38a7035fffdcb"),
        entry("uuid:nil", "af09f71516247c32"),
        entry("uuid:fixed", "d66408c546e419da"),
        entry("long:zero", "e934a84adb052768"),
        entry("long:minus-one", "8a4127811b21e730"),
        entry("long:42", "5b4d6af247a3cf7b"),
        entry("long:min", "76d269edf786f1fa"),
        entry("long:max", "c72b0ec515324099"));
  }

  private static Map<String, String> hashesFromChildJvm() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(
            java, "-Xint", "-Dfile.encoding=ISO-8859-1", "-Duser.language=tr", "-Duser.country=TR",
            "-cp", System.getProperty("java.class.path"), KeyHashPrinter.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output;
    try (InputStream stdout = child.getInputStream()) {
      // a few hundred bytes of output fit the pipe's buffer, so waiting before reading cannot block the child
      boolean exited = child.waitFor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS);
      if (!exited) {
        child.destroyForcibly();
        throw new AssertionError("the child JVM did not finish within " + CHILD_DEADLINE_SECONDS + " s");
      }
      output = new String(stdout.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertThat(child.exitValue()).as("child JVM exit code; its output:%n%s", output).isZero();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        hashes.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return hashes;
  }
}
