package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.Cache;
import dev.vela.CacheBuilder;
import dev.vela.VelaException;
import dev.vela.annotation.Backend;
import dev.vela.annotation.Topology;
import dev.vela.codec.CacheTypes;
import dev.vela.config.Durations;
import dev.vela.testing.TestCodecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes with TLS and mutual authentication: two whose certificates each other's trust store holds
 * form a cluster and share a cache's entries; a third whose certificate they do not hold (though
 * it trusts theirs) can neither join nor read. The key material is made by {@code keytool} for
 * this run only.
 */
class ClusterTlsTest {
  private static final Duration FORMS = Duration.ofSeconds(30);
  /** Long enough for a few discovery and merge rounds (MERGE3 looks every 1 to 3 s). */
  private static final Duration STAYS_ALONE = Duration.ofSeconds(5);

  @TempDir
  Path keys;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void onlyNodesWithATrustedCertificateJoinAndRead() throws Exception {
    TestCertificates certificates = new TestCertificates(keys);
    Path a = certificates.node("a");
    Path b = certificates.node("b");
    Path intruder = certificates.node("intruder");
    Path members = certificates.trustStore("members", "a", "b");
    Path everyone = certificates.trustStore("everyone", "a", "b", "intruder");
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    String name = "tls-" + Long.toHexString(System.nanoTime());

    try (VelaCluster nodeA = node(name, ports[0], hosts, a, members);
         VelaCluster nodeB = node(name, ports[1], hosts, b, members)) {
      nodeA.awaitMembers(new RequiredMembers.Count(2), FORMS);
      CompletableFuture<Cache<String, String>> onB = CompletableFuture.supplyAsync(() -> cache(nodeB));
      try (Cache<String, String> first = cache(nodeA); Cache<String, String> second = onB.get(60, TimeUnit.SECONDS)) {
        first.put("k", "members only");
        assertThat(second.get("k")).contains("members only");

        // it trusts the members, but they do not trust it: no connection, so it is alone
        try (VelaCluster outsider = node(name, ports[2], hosts, intruder, everyone)) {
          assertThatThrownBy(() -> outsider.awaitMembers(new RequiredMembers.Count(2), STAYS_ALONE))
              .isInstanceOf(VelaException.class)
              .hasMessageContaining("only 1 of 2 members");
          try (Cache<String, String> outside = cache(outsider)) {
            assertThat(outside.get("k")).isEmpty();
            outside.put("k", "forged");
            assertThat(first.get("k")).contains("members only");
            assertThat(second.get("k")).contains("members only");
          }
          assertThat(nodeA.members()).hasSize(2).doesNotContain(outsider.localMember());
        }
      }
    }
  }

  @Test
  void theTlsOptionsComeFromTheCatalogueAndGoTogether() {
    ClusterSettings settings = ClusterSettings.fromOptions("c", Map.of("tlsKeyStore", "/keys/node.p12",
        "tlsKeyStorePassword", "pw1", "tlsTrustStore", "/keys/trust.p12", "tlsTrustStorePassword", "pw2"));
    assertThat(settings.tls()).isEqualTo(new ClusterTls("/keys/node.p12", "pw1", "/keys/trust.p12", "pw2"));
    assertThat(settings.toString()).contains("/keys/node.p12").doesNotContain("pw1").doesNotContain("pw2");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("tlsKeyStore", "/keys/node.p12")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("tlsKeyStore and tlsTrustStore go together");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("tlsKeyStore", "/k.p12", "tlsTrustStore", "/t.p12",
            "jgroupsConfig", "stack.xml")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("configure TLS in that stack file");
  }

  private static VelaCluster node(String name, int port, String hosts, Path keyStore, Path trustStore) {
    return VelaCluster.builder().clusterName(name).port(port).initialHosts(hosts).joinTimeout(Duration.ofMillis(500))
        .tls(new ClusterTls(keyStore.toString(), TestCertificates.PASSWORD, trustStore.toString(),
            TestCertificates.PASSWORD))
        .start();
  }

  private static Cache<String, String> cache(VelaCluster node) {
    return new CacheBuilder<String, String, Cache<String, String>>(
            new CacheTypes<>(TestCodecs.string(), TestCodecs.string()), "tls", Backend.MEMORY, Topology.REPLICATED,
            c -> c)
        .sweepInterval(Durations.INFINITE)
        .cluster(node)
        .create();
  }
}
