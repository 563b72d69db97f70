package dev.vela.topology.partitioned;

import dev.vela.CacheStats;
import dev.vela.backend.StoredEntry;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.topology.version.Versioned;
import dev.vela.topology.wire.StatsWire;
import dev.vela.topology.wire.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages between whole nodes of a partitioned cache, rather than about one owner's keys:
 * cache-wide counts, entries and stats, the copies and notices of handovers, the question whether
 * a node runs the cache, and near-cache invalidations. Each request's encoder sits beside its
 * decoder, and each reply's.
 *
 * <p>Requests: SIZE, FLUSH, ENTRIES, STATS and LEAVING are the op alone; INVALIDATE_TAG op, tag;
 * HANDOVER_DONE op, ring id; RUNS op, then whether the sender's view had lost the receiver (a
 * missing byte reads as false); COPY op, then the versioned states as {@link Wire#writeVersioned}
 * writes them; CHANGED op, the change's kind, then the key (KEY) or tag (TAG). Replies, after the
 * status byte: SIZE, FLUSH and INVALIDATE_TAG a count; ENTRIES a count, then key and entry for
 * each; STATS the counters as {@link StatsWire} writes them; the rest nothing.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class NodeMessages<K, V> {
  /** What a CHANGED message is about; its first byte after the op, by an explicit code. */
  enum ChangeKind {
    /** One key changed. */
    KEY(0),
    /** The entries with a tag changed. */
    TAG(1),
    /** Every entry may have changed. */
    ALL(2);

    private final int code;

    ChangeKind(int code) {
      this.code = code;
    }

    /** The byte that stands for this kind on the wire. */
    int code() {
      return code;
    }

    /**
     * The kind with this code.
     *
     * @throws IllegalArgumentException for a code no version of this topology sends
     */
    static ChangeKind of(int code) {
      for (ChangeKind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown change message code " + code + "; do all nodes run one version?");
    }
  }

  /**
   * A request that carries at most one string: the tag of INVALIDATE_TAG, the ring id of
   * HANDOVER_DONE, else null; or RUNS, with {@code apart}.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record NodeRequest<K, V>(Op op, String text, boolean apart) implements Request<K, V> {}

  /**
   * COPY: versioned states in order, without those whose value does not decode here.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record CopyRequest<K, V>(Map<K, Versioned<V>> copies) implements Request<K, V> {
    @Override
    public Op op() {
      return Op.COPY;
    }
  }

  /**
   * CHANGED: the key of a KEY change, the tag of a TAG change; null otherwise.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  record ChangeRequest<K, V>(ChangeKind kind, K key, String tag) implements Request<K, V> {
    @Override
    public Op op() {
      return Op.CHANGED;
    }
  }

  private final Wire<K, V> wire;

  /** The messages over {@code wire}'s codecs. */
  NodeMessages(Wire<K, V> wire) {
    this.wire = wire;
  }

  /** A request of {@code op} that carries {@code text} (a tag or a ring id), or nothing when it is null. */
  static byte[] nodeRequest(Op op, String text) {
    CodecOutput out = op.request();
    if (text != null) {
      out.writeString(text);
    }
    return out.toByteArray();
  }

  /** A RUNS request. */
  static byte[] runsRequest(boolean apart) {
    CodecOutput out = Op.RUNS.request();
    out.writeBoolean(apart);
    return out.toByteArray();
  }

  /** Reads what {@link #nodeRequest} or {@link #runsRequest} wrote, after the op. */
  static <K, V> NodeRequest<K, V> readNodeRequest(Op op, CodecInput in) {
    return switch (op) {
      case INVALIDATE_TAG, HANDOVER_DONE -> new NodeRequest<>(op, in.readString(), false);
      case RUNS -> new NodeRequest<>(op, null, in.remaining() > 0 && in.readUnsignedByte() != 0);
      default -> new NodeRequest<>(op, null, false);
    };
  }

  /** A COPY request. */
  byte[] copyRequest(Map<K, Versioned<V>> copies) {
    CodecOutput out = Op.COPY.request();
    wire.writeVersioned(out, copies);
    return out.toByteArray();
  }

  /** Reads what {@link #copyRequest} wrote, after the op. */
  CopyRequest<K, V> readCopyRequest(CodecInput in) {
    return new CopyRequest<>(wire.readVersioned(in));
  }

  /** A CHANGED request of {@code kind}, for {@code key} (KEY) or {@code tag} (TAG). */
  byte[] changeRequest(ChangeKind kind, K key, String tag) {
    CodecOutput out = Op.CHANGED.request();
    out.writeByte(kind.code());
    switch (kind) {
      case KEY -> wire.writeKey(out, key);
      case TAG -> out.writeString(tag);
      case ALL -> { }
    }
    return out.toByteArray();
  }

  /** Reads what {@link #changeRequest} wrote, after the op. */
  ChangeRequest<K, V> readChangeRequest(CodecInput in) {
    ChangeKind kind = ChangeKind.of(in.readUnsignedByte());
    return switch (kind) {
      case KEY -> new ChangeRequest<>(kind, wire.readKey(in), null);
      case TAG -> new ChangeRequest<>(kind, null, in.readString());
      case ALL -> new ChangeRequest<>(kind, null, null);
    };
  }

  /** Writes a SIZE, FLUSH or INVALIDATE_TAG reply: the count. */
  static void writeCount(CodecOutput out, long count) {
    out.writeVarLong(count);
  }

  /** Reads what {@link #writeCount} wrote. */
  static long readCount(CodecInput in) {
    return in.readVarLong();
  }

  /** Writes an ENTRIES reply: their count, then key and entry for each. */
  void writeEntries(CodecOutput out, List<Map.Entry<K, StoredEntry<V>>> entries) {
    wire.writeEntries(out, entries);
  }

  /** Reads what {@link #writeEntries} wrote, in order, without those whose value does not decode here. */
  List<Map.Entry<K, StoredEntry<V>>> readEntries(CodecInput in) {
    List<Map.Entry<K, StoredEntry<V>>> entries = new ArrayList<>();
    wire.readEntries(in).forEach((key, entry) -> entries.add(Map.entry(key, entry)));
    return entries;
  }

  /** Writes a STATS reply. */
  static void writeStats(CodecOutput out, CacheStats stats) {
    StatsWire.write(out, stats);
  }

  /** Reads what {@link #writeStats} wrote. */
  static CacheStats readStats(CodecInput in) {
    return StatsWire.read(in);
  }
}
