package dev.vela.topology.partitioned;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Version;
import dev.vela.topology.wire.Wire;
import dev.vela.topology.wire.WriteWire;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The messages that write keys on their owner, and lock them for a transaction: each request's
 * encoder beside its decoder, and each reply's.
 *
 * <p>Requests: PUT is op, hop, key, entry; PUT_ALL op, hop, count, then key and entry for each;
 * WRITE op, hop, key, condition, update (as {@link WriteWire} writes them); LOCK op, transaction,
 * lease in milliseconds, key count, keys; UNLOCK op, transaction, key count, keys. Replies, after
 * the status byte: PUT and PUT_ALL the version the owner gave the write; WRITE the result, whether
 * the write changed the key, then its version; LOCK granted, else the node whose transaction holds
 * the keys; UNLOCK nothing.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WriteMessages<K, V> {
  /**
   * PUT: an entry to store, null when its value does not decode here.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record PutRequest<K, V>(Hop hop, K key, StoredEntry<V> entry) implements Request<K, V> {
    @Override
    public Op op() {
      return Op.PUT;
    }
  }

  /**
   * PUT_ALL: entries of one owner, in order, without those whose value does not decode here.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record PutAllRequest<K, V>(Hop hop, Map<K, StoredEntry<V>> entries) implements Request<K, V> {
    @Override
    public Op op() {
      return Op.PUT_ALL;
    }
  }

  /**
   * WRITE: a conditional write for the key's owner to apply.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record WriteRequest<K, V>(Hop hop, K key, WriteCondition<V> condition, EntryUpdate<V> update)
      implements Request<K, V> {
    @Override
    public Op op() {
      return Op.WRITE;
    }
  }

  /**
   * LOCK or UNLOCK of {@code keys} for a transaction of the sender; {@code lease} is null for UNLOCK.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record LockRequest<K, V>(Op op, long transaction, Duration lease, List<K> keys) implements Request<K, V> {}

  private final Wire<K, V> wire;
  private final WriteWire<K, V> writes;
  private final KeyMessages<K, V> keys;

  /** The messages over {@code wire}'s codecs; PUT and WRITE start as {@code keys}' requests about one key do. */
  WriteMessages(Wire<K, V> wire, KeyMessages<K, V> keys) {
    this.wire = wire;
    this.writes = new WriteWire<>(wire);
    this.keys = keys;
  }

  /** A PUT request. */
  byte[] putRequest(Hop hop, K key, StoredEntry<V> entry) {
    CodecOutput out = keys.keyOutput(Op.PUT, hop, key);
    wire.writeEntry(out, entry);
    return out.toByteArray();
  }

  /** Reads what {@link #putRequest} wrote, after the op. */
  PutRequest<K, V> readPutRequest(CodecInput in) {
    KeyMessages.KeyRequest<K, V> head = keys.readKeyRequest(Op.PUT, in);
    return new PutRequest<>(head.hop(), head.key(), wire.readEntry(in));
  }

  /** A PUT_ALL request. */
  byte[] putAllRequest(Hop hop, Map<K, StoredEntry<V>> entries) {
    CodecOutput out = Op.PUT_ALL.request();
    out.writeByte(hop.code());
    wire.writeEntries(out, entries.entrySet());
    return out.toByteArray();
  }

  /** Reads what {@link #putAllRequest} wrote, after the op. */
  PutAllRequest<K, V> readPutAllRequest(CodecInput in) {
    Hop hop = Hop.of(in.readUnsignedByte());
    return new PutAllRequest<>(hop, wire.readEntries(in));
  }

  /** A WRITE request. */
  byte[] writeRequest(Hop hop, K key, WriteCondition<V> condition, EntryUpdate<V> update) {
    CodecOutput out = keys.keyOutput(Op.WRITE, hop, key);
    writes.writeCondition(out, condition);
    writes.writeUpdate(out, update);
    return out.toByteArray();
  }

  /**
   * Reads what {@link #writeRequest} wrote, after the op.
   *
   * @throws IllegalArgumentException for an unknown code, or a value that does not decode here
   */
  WriteRequest<K, V> readWriteRequest(CodecInput in) {
    KeyMessages.KeyRequest<K, V> head = keys.readKeyRequest(Op.WRITE, in);
    WriteCondition<V> condition = writes.readCondition(in);
    return new WriteRequest<>(head.hop(), head.key(), condition, writes.readUpdate(in));
  }

  /** Writes the owner's answer to a WRITE; the writer works out the entry after it from its update. */
  void writeWriteAnswer(CodecOutput out, OwnerWrite<V> done) {
    writes.writeResult(out, done.result());
    out.writeBoolean(done.changed());
    if (done.changed()) {
      done.version().write(out);
    }
  }

  /** Reads what {@link #writeWriteAnswer} wrote, for a write that sent {@code update}. */
  OwnerWrite<V> readWriteAnswer(CodecInput in, EntryUpdate<V> update) {
    WriteResult<V> result = writes.readResult(in);
    Version version = in.readBoolean() ? Version.read(in) : null;
    StoredEntry<V> after = version == null ? null : update.apply(result.previous());
    return new OwnerWrite<>(result.applied(), result.previous(), version, after);
  }

  /** A LOCK request for {@code lease}, or with a null lease an UNLOCK request. */
  byte[] lockRequest(long transaction, Duration lease, List<K> keys) {
    CodecOutput out = (lease != null ? Op.LOCK : Op.UNLOCK).request();
    out.writeVarLong(transaction);
    if (lease != null) {
      out.writeVarLong(lease.toMillis());
    }
    wire.writeKeys(out, keys);
    return out.toByteArray();
  }

  /** Reads what {@link #lockRequest} wrote, after the op (LOCK or UNLOCK). */
  LockRequest<K, V> readLockRequest(Op op, CodecInput in) {
    long transaction = in.readVarLong();
    Duration lease = op == Op.LOCK ? Duration.ofMillis(in.readVarLong()) : null;
    return new LockRequest<>(op, transaction, lease, wire.readKeys(in));
  }

  /** Writes the answer to a LOCK: granted, else the node whose transaction holds the keys. */
  static void writeLockAnswer(CodecOutput out, String holder) {
    out.writeBoolean(holder == null);
    if (holder != null) {
      out.writeString(holder);
    }
  }

  /** Reads what {@link #writeLockAnswer} wrote: null when granted, else the holder. */
  static String readLockAnswer(CodecInput in) {
    return in.readBoolean() ? null : in.readString();
  }
}
