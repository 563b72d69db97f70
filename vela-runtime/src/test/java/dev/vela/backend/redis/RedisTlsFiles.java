package dev.vela.backend.redis;

import dev.vela.testing.Keytool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

/**
 * Key material for Redis TLS tests, made at run time with the JDK's {@code keytool}, never kept:
 * an EC key and a self-signed certificate for {@code 127.0.0.1} (as its subject alternative name,
 * so clients that verify the host accept it), as the PEM files redis-server reads and as the PKCS12
 * store a Java client trusts.
 *
 * @param certificate the certificate, PEM
 * @param key the private key, PKCS#8 PEM
 * @param trustStore the PKCS12 store holding both, protected by {@link #PASSWORD}
 */
record RedisTlsFiles(Path certificate, Path key, Path trustStore) {
  static final String PASSWORD = "test-only-password";
  private static final String ALIAS = "redis";

  /** Makes the files in {@code dir}. */
  static RedisTlsFiles create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve("redis.p12");
    Keytool.run(dir, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-ext", "BC:c=ca:true", "-validity", "2", "-keystore", store.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    Path certificate = dir.resolve("redis.crt");
    Path key = dir.resolve("redis.key");
    Files.writeString(certificate, pem("CERTIFICATE", keys.getCertificate(ALIAS).getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", keys.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()));
    return new RedisTlsFiles(certificate, key, store);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
