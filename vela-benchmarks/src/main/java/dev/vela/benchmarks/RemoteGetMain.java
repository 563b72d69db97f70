package dev.vela.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Remote reads with the client and the server in separate JVMs on 127.0.0.1, every product in turn
 * in one run: for each, a server JVM and a client JVM are started, the client fills 10,000 entries
 * and reads the keys the server owns from 1, 8 and 32 closed-loop threads (throughput, p50, p99),
 * then reads 100 of them at once and one after another; both JVMs are stopped before the next
 * product starts. {@link TopologyBench} measures the same calls with both nodes in one JVM and one
 * calling thread.
 *
 * <p>Build the jar, then run (about 2 to 3 minutes with the defaults):
 * <pre>{@code
 * mvn -q -pl vela-benchmarks -am package -DskipTests
 * java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.RemoteGetMain \
 *     [--products vela,hazelcast,infinispan,tcp] [--threads 1,8,32] [--warmup-ms 1500] [--measure-ms 4000] \
 *     [--out docs/benchmarks/remote-get.md] [--jfr DIR]
 * }</pre>
 * {@code --jfr DIR} records every JVM with Flight Recorder into {@code DIR}.
 */
public final class RemoteGetMain {
  /** Hazelcast's wishes on Java 9 and later, so it runs at full speed and quietly; harmless to the others. */
  private static final List<String> JVM_ARGS = List.of("-Xms256m", "-Xmx1g", "-Djava.net.preferIPv4Stack=true",
      "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private RemoteGetMain() {}

  /**
   * A run's settings.
   *
   * @param products the products, in order
   * @param threads the thread counts of the get measurement
   * @param warmup each measurement's warmup
   * @param measure each measurement's length
   * @param jfr where Flight Recorder files go, or null for none
   */
  record Settings(List<RemoteProduct> products, int[] threads, Duration warmup, Duration measure, Path jfr) {}

  /** Runs the products and writes the report to {@code --out} (default docs/benchmarks/remote-get.md). */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option such as --threads, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    Settings settings = new Settings(
        Arrays.stream(options.getOrDefault("products", "vela,hazelcast,infinispan,tcp").split(","))
            .map(RemoteProduct::named).toList(),
        Arrays.stream(options.getOrDefault("threads", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray(),
        Duration.ofMillis(Long.parseLong(options.getOrDefault("warmup-ms", "1500"))),
        Duration.ofMillis(Long.parseLong(options.getOrDefault("measure-ms", "4000"))),
        options.containsKey("jfr") ? Path.of(options.get("jfr")) : null);
    Path out = Path.of(options.getOrDefault("out", "docs/benchmarks/remote-get.md"));
    RemoteGetReport report = run(settings);
    String markdown = report.markdown(String.join(" ", args));
    System.out.println(markdown);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, markdown);
    System.out.println("written to " + out);
  }

  /** Measures every product of {@code settings} in turn. */
  static RemoteGetReport run(Settings settings) throws IOException, InterruptedException {
    RemoteGetReport report = new RemoteGetReport(settings);
    for (RemoteProduct product : settings.products()) {
      System.err.println("measuring " + product.title());
      report.add(product, measure(product, settings));
    }
    return report;
  }

  /** Every RESULT line of one product's client, by measurement name and thread count. */
  private static List<String[]> measure(RemoteProduct product, Settings settings)
      throws IOException, InterruptedException {
    int serverPort = LoopbackPorts.free();
    int clientPort = LoopbackPorts.free();
    Path logs = Files.createTempDirectory("remote-get-" + product.name().toLowerCase(java.util.Locale.ROOT));
    Process server = null;
    Process client = null;
    try {
      server = start(settings, product, "server", logs, RemoteGetServer.class.getName(), product.name(),
          String.valueOf(serverPort), String.valueOf(clientPort));
      BufferedReader serverOut = reader(server);
      String ready = serverOut.readLine();
      while (ready != null && !ready.equals("READY")) { // Flight Recorder, for one, writes to standard output
        ready = serverOut.readLine();
      }
      if (ready == null) {
        throw new IllegalStateException(product.title() + " server did not start; see " + logs.resolve("server.log"));
      }
      String threads = String.join(",", Arrays.stream(settings.threads()).mapToObj(String::valueOf).toList());
      client = start(settings, product, "client", logs, RemoteGetClient.class.getName(), product.name(),
          String.valueOf(serverPort), String.valueOf(clientPort), threads,
          String.valueOf(settings.warmup().toMillis()), String.valueOf(settings.measure().toMillis()));
      List<String[]> results = new ArrayList<>();
      BufferedReader clientOut = reader(client);
      long serverCpuAtStart = 0;
      long serverCpu = 0;
      for (String line; (line = clientOut.readLine()) != null; ) {
        if (line.equals("MARK start")) {
          serverCpuAtStart = cpuNanos(server);
        } else if (line.equals("MARK end")) {
          serverCpu = cpuNanos(server) - serverCpuAtStart;
        } else if (line.startsWith("RESULT ")) {
          String[] fields = line.substring("RESULT ".length()).split(" ");
          String[] withServer = Arrays.copyOf(fields, fields.length + 1);
          withServer[fields.length] = String.valueOf(serverCpu);
          results.add(withServer);
        } else if (line.startsWith("NOTE ")) {
          System.err.println("  " + line.substring("NOTE ".length()));
        } else if (line.startsWith("REMOTE_KEYS ")) {
          System.err.println("  " + product.title() + ": " + line.substring("REMOTE_KEYS ".length())
              + " of " + RemoteProduct.KEYS + " keys on the server");
        }
      }
      if (!client.waitFor(60, TimeUnit.SECONDS) || client.exitValue() != 0) {
        throw new IllegalStateException(product.title() + " client failed; see " + logs.resolve("client.log"));
      }
      return results;
    } finally {
      stop(client);
      stop(server);
    }
  }

  /** The CPU time {@code process} has used so far, in nanoseconds. */
  private static long cpuNanos(Process process) {
    return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private static Process start(Settings settings, RemoteProduct product, String side, Path logs, String mainClass,
      String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_ARGS);
    if (settings.jfr() != null) {
      Files.createDirectories(settings.jfr());
      String name = product.name().toLowerCase(java.util.Locale.ROOT) + "-" + side + ".jfr";
      command.add("-XX:StartFlightRecording=filename=" + settings.jfr().resolve(name).toAbsolutePath() + ",settings=profile");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    File log = logs.resolve(side + ".log").toFile();
    return new ProcessBuilder(command).redirectError(log).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Closes the process's input (a server then stops by itself), and kills it if it is still up after a while. */
  private static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // gone already
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
