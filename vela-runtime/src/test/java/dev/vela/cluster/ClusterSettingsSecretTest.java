package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import java.util.Map;
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
        .hasMessageContaining("clusterSecret must be at least 16 characters, was 5")
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
  void theKeyDependsOnSecretAndClusterName() {
    byte[] key = ClusterEncryption.key(SECRET, "shop").getEncoded();
    assertThat(key).hasSize(32).isEqualTo(ClusterEncryption.key(SECRET, "shop").getEncoded());
    assertThat(ClusterEncryption.key(SECRET, "other").getEncoded()).isNotEqualTo(key);
    assertThat(ClusterEncryption.key(SECRET + "!", "shop").getEncoded()).isNotEqualTo(key);
  }
}
