package dev.vela.topology.partitioned;

import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages that read or remove keys of one owner, and claim the right to fetch one: each
 * request's encoder beside its decoder, and each reply's.
 *
 * <p>Requests: GET, ENTRY, DELETE, CLAIM and RELEASE are op, hop, key; HELD is op, key (it is
 * always answered from the receiver's backend alone); GET_ALL and DELETE_ALL are op, hop, key
 * count, keys. Replies, after the status byte: GET has present, then the value; ENTRY present,
 * then the entry; HELD known, then the version, present and the entry; DELETE removed, has
 * version, then the version; GET_ALL and DELETE_ALL one GET or DELETE reply per key, in order;
 * CLAIM the answer's code, then for VALUE the value; RELEASE nothing.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KeyMessages<K, V> {
  /**
   * A request about one key: GET, ENTRY, HELD (whose hop is always DIRECT), DELETE, CLAIM or RELEASE.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record KeyRequest<K, V>(Op op, Hop hop, K key) implements Request<K, V> {}

  /**
   * GET_ALL or DELETE_ALL: keys of one owner, in order.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record KeysRequest<K, V>(Op op, Hop hop, List<K> keys) implements Request<K, V> {}

  /**
   * The owner's answer to a claim, with the value when it is VALUE (null when that does not decode here).
   *
   * @param <V> the value type
   */
  record ClaimAnswer<V>(FetchClaims.Answer answer, V value) {}

  private final Wire<K, V> wire;

  /** The messages over {@code wire}'s codecs. */
  KeyMessages(Wire<K, V> wire) {
    this.wire = wire;
  }

  /** A request about {@code key}; HELD carries no hop. */
  byte[] keyRequest(Op op, Hop hop, K key) {
    return keyOutput(op, hop, key).toByteArray();
  }

  /** A request about {@code key} so far, for a message that goes on after the key (PUT, WRITE). */
  CodecOutput keyOutput(Op op, Hop hop, K key) {
    CodecOutput out = op.request();
    if (op != Op.HELD) {
      out.writeByte(hop.code());
    }
    wire.writeKey(out, key);
    return out;
  }

  /** Reads what {@link #keyRequest} wrote, after the op. */
  KeyRequest<K, V> readKeyRequest(Op op, CodecInput in) {
    Hop hop = op == Op.HELD ? Hop.DIRECT : Hop.of(in.readUnsignedByte());
    return new KeyRequest<>(op, hop, wire.readKey(in));
  }

  /** A GET_ALL or DELETE_ALL request for {@code keys}. */
  byte[] keysRequest(Op op, Hop hop, List<K> keys) {
    CodecOutput out = op.request();
    out.writeByte(hop.code());
    wire.writeKeys(out, keys);
    return out.toByteArray();
  }

  /** Reads what {@link #keysRequest} wrote, after the op. */
  KeysRequest<K, V> readKeysRequest(Op op, CodecInput in) {
    Hop hop = Hop.of(in.readUnsignedByte());
    return new KeysRequest<>(op, hop, wire.readKeys(in));
  }

  /** Writes a GET reply: whether there is a value, then the value. */
  void writeValue(CodecOutput out, V value) {
    out.writeBoolean(value != null);
    if (value != null) {
      wire.writeValue(out, value);
    }
  }

  /** Reads what {@link #writeValue} wrote: the value, or null when there was none or it does not decode here. */
  V readValue(CodecInput in) {
    return in.readBoolean() ? wire.readValue(in) : null;
  }

  /** Writes a GET_ALL reply: one GET reply per key, in the request's order. */
  void writeValues(CodecOutput out, List<V> values) {
    values.forEach(value -> writeValue(out, value));
  }

  /** Reads what {@link #writeValues} wrote for {@code keys}: the present values that decode here, in order. */
  Map<K, V> readValues(CodecInput in, List<K> keys) {
    Map<K, V> found = new LinkedHashMap<>();
    for (K key : keys) {
      V value = readValue(in);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  /** Writes an ENTRY reply: whether there is an entry, then the entry. */
  void writeEntry(CodecOutput out, StoredEntry<V> entry) {
    out.writeBoolean(entry != null);
    if (entry != null) {
      wire.writeEntry(out, entry);
    }
  }

  /** Reads what {@link #writeEntry} wrote: the entry, or null when there was none or its value does not decode here. */
  StoredEntry<V> readEntry(CodecInput in) {
    return in.readBoolean() ? wire.readEntry(in) : null;
  }

  /** Writes a HELD reply: whether the node knows a write of the key, then its version and entry. */
  void writeHeld(CodecOutput out, Versioned<V> held) {
    out.writeBoolean(held != null);
    if (held != null) {
      held.version().write(out);
      writeEntry(out, held.entry());
    }
  }

  /** Reads what {@link #writeHeld} wrote; null when the node knows no write of the key. */
  Versioned<V> readHeld(CodecInput in) {
    if (!in.readBoolean()) {
      return null;
    }
    Version version = Version.read(in);
    return new Versioned<>(version, readEntry(in));
  }

  /** Writes a DELETE reply: whether a live entry was removed, and the removal's version if it has one. */
  static void writeRemoval(CodecOutput out, Removal removal) {
    out.writeBoolean(removal.removed());
    out.writeBoolean(removal.version() != null);
    if (removal.version() != null) {
      removal.version().write(out);
    }
  }

  /** Reads what {@link #writeRemoval} wrote. */
  static Removal readRemoval(CodecInput in) {
    boolean removed = in.readBoolean();
    return new Removal(removed, in.readBoolean() ? Version.read(in) : null);
  }

  /** Reads a DELETE_ALL reply: {@code count} DELETE replies, in order. */
  static List<Removal> readRemovals(CodecInput in, int count) {
    List<Removal> removals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      removals.add(readRemoval(in));
    }
    return removals;
  }

  /** The whole reply to a CLAIM: the answer's code, then, for VALUE, {@code value}. */
  byte[] claimAnswer(FetchClaims.Answer answer, V value) {
    CodecOutput out = Reply.ok();
    out.writeByte(answer.code());
    if (value != null) {
      wire.writeValue(out, value);
    }
    return out.toByteArray();
  }

  /** Reads what {@link #claimAnswer} wrote, after the status byte. */
  ClaimAnswer<V> readClaimAnswer(CodecInput in) {
    FetchClaims.Answer answer = FetchClaims.Answer.of(in.readUnsignedByte());
    return new ClaimAnswer<>(answer, answer == FetchClaims.Answer.VALUE ? wire.readValue(in) : null);
  }
}
