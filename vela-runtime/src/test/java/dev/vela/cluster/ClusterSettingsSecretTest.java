package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How the {@code clusterSecret} option is read, checked and kept out of sight. */
class ClusterSettingsSecretTest {
  private static final String SECRET = "0123456789abcdef-secret";

  @Test
  void noSecretMeansPlainTraffic() {
    ClusterSettings settings = ClusterSettings.fromOptions("c", Map.of());
    assertThat(settings.encrypted()).isFalse();
    assertThat(settings.clusterSecret()).isEmpty();
  }

  @Test
  void aSecretTurnsEncryptionOnAndResolvesPlaceholders() {
    System.setProperty("VELA_TEST_CLUSTER_SECRET", SECRET);
    try {
      ClusterSettings settings =
          ClusterSettings.fromOptions("c", Map.of("clusterSecret", "${VELA_TEST_CLUSTER_SECRET}"));
      assertThat(settings.encrypted()).isTrue();
      assertThat(settings.clusterSecret()).isEqualTo(SECRET);
    } finally {
      System.clearProperty("VELA_TEST_CLUSTER_SECRET");
    }
  }

  @Test
  void toStringDoesNotShowTheSecret() {
    ClusterSettings settings = ClusterSettings.fromOptions("c", Map.of("clusterSecret", SECRET));
    assertThat(settings.toString()).doesNotContain(SECRET).contains("clusterSecret=(set)");
  }

  @Test
  void rejectsAShortSecret() {
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("clusterSecret", "short")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'c'")
        .hasMessageContaining("clusterSecret \"(secret)\", which is shorter than 16 characters (5)")
        .hasMessageNotContaining("short\"");
  }

  @Test
  void aPlaceholderThatResolvesToNothingDoesNotTurnEncryptionOff() {
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("clusterSecret", "${VELA_TEST_UNSET_SECRET:}")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("clusterSecret is given but resolves to an empty value");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("clusterSecret", "${VELA_TEST_UNSET_SECRET}")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("VELA_TEST_UNSET_SECRET");
  }

  @Test
  void aSecretNeedsTheBuiltInStack() {
    assertThatThrownBy(() -> ClusterSettings.fromOptions(
            "c", Map.of("clusterSecret", SECRET, "jgroupsConfig", "my-stack.xml")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("put SYM_ENCRYPT into that stack file");
  }

  @Test
  void nodesWithDifferentSecretsAreDifferentChannels() {
    ClusterSettings plain = ClusterSettings.fromOptions("c", Map.of());
    ClusterSettings secret = ClusterSettings.fromOptions("c", Map.of("clusterSecret", SECRET));
    ClusterSettings other = ClusterSettings.fromOptions("c", Map.of("clusterSecret", SECRET + "!"));
    assertThat(secret.sameChannelAs(ClusterSettings.fromOptions("c", Map.of("clusterSecret", SECRET)))).isTrue();
    assertThat(secret.sameChannelAs(plain)).isFalse();
    assertThat(secret.sameChannelAs(other)).isFalse();
  }

  @Test
  void aCacheWithAnotherSecretIsRefusedTheSharedNode() {
    Map<String, String> options = Map.of(
        "cluster", "shared-secret", "port", Integer.toString(FreePorts.next()), "joinTimeout", "200ms",
        "clusterSecret", SECRET);
    CacheChannel first = VelaCluster.joinShared(ClusterSettings.fromOptions("first", options), "first", channel -> IDLE);
    try {
      Map<String, String> other = new HashMap<>(options);
      other.put("clusterSecret", SECRET + "!");
      assertThatThrownBy(() -> VelaCluster.joinShared(ClusterSettings.fromOptions("second", other), "second", c -> IDLE))
          .isInstanceOf(VelaException.class)
          .hasMessageContaining("a clusterSecret (another one)")
          .hasMessageNotContaining(SECRET);
    } finally {
      first.close();
    }
  }

  /** An endpoint that nobody calls. */
  private static final CacheEndpoint IDLE = new CacheEndpoint() {
    @Override
    public void handle(String from, byte[] request, Consumer<byte[]> reply) {
      reply.accept(new byte[0]);
    }

    @Override
    public void membersChanged(List<String> members) {}
  };

  @Test
  void theKeyDependsOnSecretAndClusterName() {
    int rounds = 1_000; // the property does not depend on the count; the real one is slow on purpose
    byte[] key = ClusterEncryption.key(SECRET, "shop", rounds).getEncoded();
    assertThat(key).hasSize(32).isEqualTo(ClusterEncryption.key(SECRET, "shop", rounds).getEncoded());
    assertThat(ClusterEncryption.key(SECRET, "other", rounds).getEncoded()).isNotEqualTo(key);
    assertThat(ClusterEncryption.key(SECRET + "!", "shop", rounds).getEncoded()).isNotEqualTo(key);
    assertThat(ClusterEncryption.key(SECRET, "shop", rounds + 1).getEncoded()).isNotEqualTo(key);
  }
}
