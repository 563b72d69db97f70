package dev.vela.topology.wire;

import dev.vela.backend.EntryUpdate;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.WriteCondition;
import dev.vela.backend.WriteResult;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;

/**
 * How a conditional write crosses nodes: its condition, its update and its result, each led by a
 * code byte of its own (fixed numbers, not declaration order). Encoder and decoder of each part
 * sit side by side; a code this node does not know is refused, never guessed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class WriteWire<K, V> {
  private static final int ALWAYS = 0;
  private static final int ABSENT = 1;
  private static final int PRESENT = 2;
  private static final int VALUE_EQUALS = 3;

  private static final int PUT = 0;
  private static final int DELETE = 1;
  private static final int EXPIRE = 2;

  private final Wire<K, V> wire;

  /** Conditional writes over {@code wire}'s codecs. */
  public WriteWire(Wire<K, V> wire) {
    this.wire = wire;
  }

  /** Writes {@code condition}. */
  public void writeCondition(CodecOutput out, WriteCondition<V> condition) {
    if (condition instanceof WriteCondition.ValueEquals<V> equals) {
      out.writeByte(VALUE_EQUALS);
      wire.writeValue(out, equals.expected());
    } else if (condition instanceof WriteCondition.Absent<V>) {
      out.writeByte(ABSENT);
    } else if (condition instanceof WriteCondition.Present<V>) {
      out.writeByte(PRESENT);
    } else {
      out.writeByte(ALWAYS);
    }
  }

  /**
   * Reads what {@link #writeCondition} wrote.
   *
   * @throws IllegalArgumentException for an unknown code, or an expected value that does not decode here
   */
  public WriteCondition<V> readCondition(CodecInput in) {
    int code = in.readUnsignedByte();
    return switch (code) {
      case ALWAYS -> WriteCondition.always();
      case ABSENT -> WriteCondition.absent();
      case PRESENT -> WriteCondition.present();
      case VALUE_EQUALS -> WriteCondition.valueEquals(decoded(wire.readValue(in)));
      default -> throw new IllegalArgumentException("unknown write condition code " + code
          + "; do all nodes run one version?");
    };
  }

  /** Writes {@code update}; expiry times travel as the time left, as entries do. */
  public void writeUpdate(CodecOutput out, EntryUpdate<V> update) {
    if (update instanceof EntryUpdate.Put<V> put) {
      out.writeByte(PUT);
      wire.writeValue(out, put.value());
      wire.writeExpiry(out, put.expiresAtMillis());
      wire.writeTags(out, put.tags());
      out.writeBoolean(put.keepExpiry());
      out.writeBoolean(put.keepTags());
    } else if (update instanceof EntryUpdate.Expire<V> expire) {
      out.writeByte(EXPIRE);
      wire.writeExpiry(out, expire.expiresAtMillis());
    } else {
      out.writeByte(DELETE);
    }
  }

  /**
   * Reads what {@link #writeUpdate} wrote.
   *
   * @throws IllegalArgumentException for an unknown code, or a value that does not decode here
   */
  public EntryUpdate<V> readUpdate(CodecInput in) {
    int code = in.readUnsignedByte();
    return switch (code) {
      case PUT -> {
        V value = wire.readValue(in);
        long expiresAt = wire.readExpiry(in);
        var tags = wire.readTags(in);
        boolean keepExpiry = in.readBoolean();
        boolean keepTags = in.readBoolean();
        yield new EntryUpdate.Put<>(decoded(value), expiresAt, tags, keepExpiry, keepTags);
      }
      case DELETE -> EntryUpdate.delete();
      case EXPIRE -> new EntryUpdate.Expire<>(wire.readExpiry(in));
      default -> throw new IllegalArgumentException("unknown entry update code " + code
          + "; do all nodes run one version?");
    };
  }

  /** Writes whether the write applied and the entry that was there. */
  public void writeResult(CodecOutput out, WriteResult<V> result) {
    out.writeBoolean(result.applied());
    out.writeBoolean(result.previous() != null);
    if (result.previous() != null) {
      wire.writeEntry(out, result.previous());
    }
  }

  /**
   * Reads what {@link #writeResult} wrote. A previous value that does not decode here (another
   * shape of the type) reads as absent, as a read of it would.
   */
  public WriteResult<V> readResult(CodecInput in) {
    boolean applied = in.readBoolean();
    StoredEntry<V> previous = in.readBoolean() ? wire.readEntry(in) : null;
    return new WriteResult<>(applied, previous);
  }

  private static <V> V decoded(V value) {
    if (value == null) {
      throw new IllegalArgumentException("the value of a conditional write does not decode on this node (another"
          + " shape of the type?); it was not applied");
    }
    return value;
  }
}
