package dev.vela.cluster;

import dev.vela.testing.Keytool;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Key material for TLS tests, made at run time with the JDK's {@code keytool}, never kept: a
 * PKCS12 key store per node (an EC key and a self-signed certificate) and trust stores holding the
 * certificates of chosen nodes.
 */
final class TestCertificates {
  static final String PASSWORD = "test-only-password";

  private final Path dir;

  TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Makes the key store of node {@code name} and exports its certificate; returns the key store. */
  Path node(String name) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    Keytool.run(dir, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass",
        PASSWORD);
    Keytool.run(dir, "-exportcert", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
        dir.resolve(name + ".cer").toString());
    return store;
  }

  /** A trust store named {@code name} holding the certificates of {@code nodes}. */
  Path trustStore(String name, String... nodes) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    for (String node : nodes) {
      Keytool.run(dir, "-importcert", "-noprompt", "-alias", node, "-file", dir.resolve(node + ".cer").toString(),
          "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }
    return store;
  }
}
