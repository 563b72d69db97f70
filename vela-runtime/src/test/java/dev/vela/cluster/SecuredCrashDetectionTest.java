package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.cluster.faults.FaultNodeMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured stack (a {@code clusterSecret}, or TLS) has no FD_SOCK2, whose sockets neither
 * covers; a crash is still noticed at once, through the transport's own connections, which close
 * when the process dies. Here a node in another JVM is killed (SIGKILL) while the heartbeats'
 * failureTimeout is a minute: the survivor's view drops it within seconds.
 */
class SecuredCrashDetectionTest {
  private static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(60);
  /** The connection closes at once; the suspicion's check takes a second; the rest is a loaded machine's slack. */
  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(10);
  private static final String SECRET = "crash-detection-test-secret-0123456789";

  @TempDir
  Path keys;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSealedStackNoticesAKilledNodeLongBeforeItsFailureTimeout() throws Exception {
    crashIsNoticed(VelaCluster.builder().clusterSecret(SECRET), List.of("clusterSecret=" + SECRET));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTlsStackNoticesAKilledNodeLongBeforeItsFailureTimeout() throws Exception {
    TestCertificates certificates = new TestCertificates(keys);
    Path a = certificates.node("a");
    Path b = certificates.node("b");
    Path trust = certificates.trustStore("members", "a", "b");
    crashIsNoticed(
        VelaCluster.builder().tls(new ClusterTls(a.toString(), TestCertificates.PASSWORD, trust.toString(),
            TestCertificates.PASSWORD)),
        List.of("tlsKeyStore=" + b, "tlsKeyStorePassword=" + TestCertificates.PASSWORD, "tlsTrustStore=" + trust,
            "tlsTrustStorePassword=" + TestCertificates.PASSWORD));
  }

  private void crashIsNoticed(VelaCluster.Builder survivor, List<String> secured) throws Exception {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String name = "crash-" + Long.toHexString(System.nanoTime());
    try (VelaCluster node = survivor.clusterName(name).port(ports[0]).initialHosts(hosts)
        .joinTimeout(Duration.ofMillis(500)).failureTimeout(FAILURE_TIMEOUT).start()) {
      assertThat(TcpStack.secured(node.settings())).isTrue();
      CountDownLatch joined = new CountDownLatch(1);
      CountDownLatch alone = new CountDownLatch(1);
      node.join("watch", new CacheEndpoint() {
        @Override
        public void handle(String from, byte[] request, java.util.function.Consumer<byte[]> reply) {
          reply.accept(new byte[0]);
        }

        @Override
        public void membersChanged(List<String> members) {
          if (members.size() == 2) {
            joined.countDown();
          } else if (members.size() == 1 && joined.getCount() == 0) {
            alone.countDown();
          }
        }
      });
      Process other = launch(name, ports[1], hosts, secured);
      try {
        assertThat(joined.await(60, TimeUnit.SECONDS)).as("the other node joined").isTrue();
        long killed = System.nanoTime();
        other.destroyForcibly();
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(alone.await(NOTICED_WITHIN.toMillis(), TimeUnit.MILLISECONDS))
            .as("the killed node left the view within %s, though its failureTimeout is %s", NOTICED_WITHIN,
                FAILURE_TIMEOUT)
            .isTrue();
        System.out.printf("crash detection (%s): the killed node left the view %d ms after SIGKILL%n",
            secured.get(0).split("=")[0], Duration.ofNanos(System.nanoTime() - killed).toMillis());
      } finally {
        other.destroyForcibly();
      }
    }
  }

  /** A node in a JVM of its own, with the same cluster options; returns once its cache runs. */
  private static Process launch(String cluster, int port, String hosts, List<String> secured) throws IOException {
    Path log = Files.createDirectories(Path.of("target", "faults")).resolve(cluster + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
        "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"), FaultNodeMain.class.getName(),
        "REPLICATED", "cluster=" + cluster, "port=" + port, "initialHosts=" + hosts, "joinTimeout=500ms",
        "failureTimeout=" + FAILURE_TIMEOUT.toSeconds() + "s"));
    command.addAll(secured);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String started = out.readLine(); // the node answers once, when its cache has started or failed to
    if (started == null || !started.startsWith("ok started")) {
      process.destroyForcibly();
      throw new AssertionError("the other node did not start: " + started);
    }
    return process;
  }
}
