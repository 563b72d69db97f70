package dev.vela.cluster;

import dev.vela.config.OptionCatalog;
import dev.vela.config.OptionConflicts;
import java.util.Map;
import java.util.Objects;

/**
 * TLS with mutual authentication for the built-in stack: every connection between nodes, discovery
 * and failure detection included, is TLS, and each side must present a certificate that the
 * other's trust store holds (or one signed by a certificate it holds). A node without one cannot
 * connect, so it neither joins nor reads. Both stores are PKCS12 files.
 *
 * <p>{@link #toString()} shows the passwords only as set or not.
 *
 * @param keyStore this node's private key and certificate; empty for no TLS
 * @param keyStorePassword the key store's password (and its key's)
 * @param trustStore the certificates this node accepts from other nodes
 * @param trustStorePassword the trust store's password
 */
public record ClusterTls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {
  /** No TLS. */
  public static final ClusterTls NONE = new ClusterTls("", "", "", "");

  /** Checks that both stores are given, or neither. */
  public ClusterTls {
    Objects.requireNonNull(keyStore, "keyStore (empty for no TLS)");
    Objects.requireNonNull(keyStorePassword, "keyStorePassword");
    Objects.requireNonNull(trustStore, "trustStore (empty for no TLS)");
    Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    Map<OptionCatalog, String> given = Map.of(OptionCatalog.TLS_KEY_STORE, keyStore, OptionCatalog.TLS_TRUST_STORE,
        trustStore);
    OptionConflicts.first(option -> OptionConflicts.resolved(given.get(option))).ifPresent(conflict -> {
      throw new IllegalArgumentException(conflict.option().optionName() + ", which " + conflict.problem());
    });
  }

  /** True when the built-in stack runs TLS. */
  public boolean enabled() {
    return !keyStore.isBlank();
  }

  /** These settings, with the passwords shown only as set or not. */
  @Override
  public String toString() {
    return enabled()
        ? "ClusterTls[keyStore=" + keyStore + ", trustStore=" + trustStore + ", passwords "
            + (keyStorePassword.isEmpty() && trustStorePassword.isEmpty() ? "(none)" : "(set)") + "]"
        : "ClusterTls[none]";
  }
}
