package dev.vela.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.stack.Protocol;
import org.jgroups.util.MessageBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals every message right above the transport with AES-GCM, an authenticated cipher: a message
 * changed in transit, or made without the key, fails its tag and is dropped, never delivered. It
 * sits under SERIALIZE, which turns each message, headers included, into one payload.
 *
 * <p>Each node seals under a key of its own for this run, derived from the cluster key and a random
 * salt it sends along, and numbers its messages: the nonce is that number, so no nonce ever repeats
 * under one key, which GCM needs (random nonces under one shared key would make a repeat likely
 * after a few billion messages cluster-wide). A sealed payload is: version (1 byte), salt
 * ({@value #SALT_BYTES} bytes), message number (8 bytes), then the ciphertext and its
 * {@value #TAG_BITS}-bit tag.
 */
final class SealedTransport extends Protocol {
  private static final Logger LOG = LoggerFactory.getLogger(SealedTransport.class);
  /** Outside JGroups' own protocol ids, which stay below 1000. */
  private static final short PROTOCOL_ID = 1736;
  private static final byte VERSION = 1;
  private static final int SALT_BYTES = 16;
  private static final int TAG_BITS = 128;
  private static final int PREFIX_BYTES = 1 + SALT_BYTES + Long.BYTES;
  /** Keys of the senders heard from lately; a node's key changes only when it restarts. */
  private static final int SENDER_KEYS = 256;

  static {
    ClassConfigurator.addProtocol(PROTOCOL_ID, SealedTransport.class);
  }

  private final SecretKey clusterKey;
  private final byte[] salt = new byte[SALT_BYTES];
  private final SecretKey sealKey;
  private final AtomicLong sealed = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final Map<ByteBuffer, SecretKey> senderKeys = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteBuffer, SecretKey> eldest) {
      return size() > SENDER_KEYS;
    }
  };
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SealedTransport::newCipher);

  /** Seals with keys derived from {@code clusterKey}, which every node of the cluster shares. */
  SealedTransport(SecretKey clusterKey) {
    this.clusterKey = clusterKey;
    new SecureRandom().nextBytes(salt);
    this.sealKey = derive(clusterKey, salt);
  }

  /** Messages dropped because they did not open: changed in transit, or sealed under another key. */
  long rejected() {
    return rejected.get();
  }

  @Override
  public Object down(Message msg) {
    if (!msg.hasArray() && msg.getLength() > 0) {
      throw new IllegalStateException("a message of type " + msg.getType() + " reached the seal unserialized; SERIALIZE"
          + " must sit above it");
    }
    long number = sealed.incrementAndGet();
    byte[] out = new byte[PREFIX_BYTES + msg.getLength() + TAG_BITS / 8];
    out[0] = VERSION;
    System.arraycopy(salt, 0, out, 1, SALT_BYTES);
    ByteBuffer.wrap(out, 1 + SALT_BYTES, Long.BYTES).putLong(number);
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce(number)));
      cipher.updateAAD(out, 0, PREFIX_BYTES);
      cipher.doFinal(msg.getArray() == null ? new byte[0] : msg.getArray(), msg.getOffset(), msg.getLength(), out,
          PREFIX_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal a cluster message with AES-GCM: " + e, e);
    }
    Message copy = msg.copy(false, true).setArray(out, 0, out.length);
    return down_prot.down(copy);
  }

  @Override
  public Object up(Message msg) {
    byte[] plain = open(msg);
    if (plain == null) {
      return null;
    }
    msg.setArray(plain, 0, plain.length);
    return up_prot.up(msg);
  }

  @Override
  public void up(MessageBatch batch) {
    List<Message> unopened = new ArrayList<>();
    for (Message msg : batch) {
      byte[] plain = open(msg);
      if (plain == null) {
        unopened.add(msg);
      } else {
        msg.setArray(plain, 0, plain.length);
      }
    }
    if (!unopened.isEmpty()) {
      batch.removeIf(unopened::contains, true);
    }
    if (!batch.isEmpty()) {
      up_prot.up(batch);
    }
  }

  /** The plain bytes of a sealed message, or null (counted, logged) when it does not open. */
  private byte[] open(Message msg) {
    byte[] in = msg.getArray();
    int offset = msg.getOffset();
    int length = msg.getLength();
    if (in == null || length < PREFIX_BYTES + TAG_BITS / 8 || in[offset] != VERSION) {
      return reject(msg, "it is not sealed, or sealed by another version");
    }
    ByteBuffer senderSalt = ByteBuffer.wrap(Arrays.copyOfRange(in, offset + 1, offset + 1 + SALT_BYTES));
    long number = ByteBuffer.wrap(in, offset + 1 + SALT_BYTES, Long.BYTES).getLong();
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.DECRYPT_MODE, keyOf(senderSalt), new GCMParameterSpec(TAG_BITS, nonce(number)));
      cipher.updateAAD(in, offset, PREFIX_BYTES);
      return cipher.doFinal(in, offset + PREFIX_BYTES, length - PREFIX_BYTES);
    } catch (GeneralSecurityException e) {
      return reject(msg, "its tag does not match (" + e.getClass().getSimpleName() + ")");
    }
  }

  private byte[] reject(Message msg, String why) {
    long count = rejected.incrementAndGet();
    if (Long.bitCount(count) != 1) { // the 1st, 2nd, 4th, 8th...: a flood of them must not flood the log too
      LOG.debug("dropped a cluster message from {}: {}", msg.getSrc(), why);
      return null;
    }
    LOG.warn("dropped a cluster message from {}: {}; it was changed in transit or sealed with another clusterSecret"
        + " ({} dropped so far)", msg.getSrc(), why, count);
    return null;
  }

  private SecretKey keyOf(ByteBuffer senderSalt) {
    synchronized (senderKeys) {
      return senderKeys.computeIfAbsent(senderSalt, s -> {
        return derive(clusterKey, s.array());
      });
    }
  }

  /** A 96-bit GCM nonce holding {@code number}. */
  private static byte[] nonce(long number) {
    return ByteBuffer.allocate(12).putInt(0).putLong(number).array();
  }

  /** The AES key of one node's run: HMAC-SHA256 of the salt under the cluster key. */
  private static SecretKey derive(SecretKey clusterKey, byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clusterKey.getEncoded(), "HmacSHA256"));
      mac.update("dev.vela.cluster.seal".getBytes(StandardCharsets.UTF_8));
      return new SecretKeySpec(mac.doFinal(salt), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot derive a key with HmacSHA256: " + e, e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no AES/GCM cipher: " + e, e);
    }
  }
}
