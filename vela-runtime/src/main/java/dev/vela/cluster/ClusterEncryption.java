package dev.vela.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.protocols.SERIALIZE;
import org.jgroups.stack.Protocol;

/**
 * The protocols that keep a cluster to the nodes that know its secret: every message is sealed
 * with AES-GCM under a key derived from the secret, right above the transport ({@link
 * SealedTransport}), so discovery, membership and cache traffic alike are unreadable without it,
 * and a message from a node with another key (or none), or changed in transit, fails its tag and
 * is dropped. SERIALIZE wraps each message, headers included, into the sealed payload: without it,
 * messages that carry only headers (a join request, for one) would travel unsealed.
 */
final class ClusterEncryption {
  /** PBKDF2 rounds: OWASP's figure for HMAC-SHA512, about half a second per node start on a quiet machine. */
  private static final int ROUNDS = 210_000;
  private static final int KEY_BITS = 256;

  private ClusterEncryption() {}

  /** The seal and SERIALIZE, in stack order (lowest first), for a stack on the transport. */
  static List<Protocol> protocols(String secret, String clusterName) {
    return List.of(new SealedTransport(key(secret, clusterName)), new SERIALIZE());
  }

  /**
   * The AES key of {@code secret}: PBKDF2 with the cluster name as salt, so the same secret gives
   * another key in another cluster, and each guess at the secret from captured traffic costs
   * {@value #ROUNDS} rounds.
   */
  static SecretKey key(String secret, String clusterName) {
    return key(secret, clusterName, ROUNDS);
  }

  /** The key of {@code secret} after {@code rounds} rounds; tests use fewer. */
  static SecretKey key(String secret, String clusterName, int rounds) {
    char[] chars = secret.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, ("dev.vela.cluster:" + clusterName).getBytes(StandardCharsets.UTF_8), rounds,
        KEY_BITS);
    try {
      byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
      return new SecretKeySpec(bytes, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot derive an AES key with PBKDF2WithHmacSHA512: " + e, e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
