package dev.vela.cluster;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.util.List;

/**
 * What one cluster message between two nodes carries: the protocol version, then one or more calls
 * and replies, so that the calls that many threads make to one node at the same moment, and the
 * replies to them, cross the network together. Encoder and decoder sit side by side.
 *
 * <pre>
 * frame   = version:byte count:varint entry*count
 * entry   = REQUEST id:varlong cache:string payload:bytes
 *         | PROBE   id:varlong cache:string payload:bytes
 *         | REPLY   id:varlong payload:bytes
 * refusal = 0:byte version:byte
 * </pre>
 *
 * A reply carries the id of its call. A node that receives a frame of another version reads nothing
 * in it and answers with a refusal naming its own version, a layout every version reads (no version
 * is 0); the sender then ends its calls to that node with a message that says so. An unknown entry
 * code ends the frame as an error.
 */
final class CallFrames {
  /**
   * The version of this frame layout and of the caches' messages it carries. Raise it when either
   * changes; never 0, which marks a refusal. 2: partitioned write requests end with their deadline.
   */
  static final int VERSION = 2;
  /** The first byte of a refusal. */
  static final int REFUSAL = 0;
  /** A call to a cache, which waits on the receiving node until that cache runs there. */
  static final int REQUEST = 1;
  /** A call that a node where the cache does not run answers at once, with an empty reply. */
  static final int PROBE = 2;
  /** The answer to a REQUEST or PROBE. */
  static final int REPLY = 3;

  private CallFrames() {}

  /** One call or reply of a frame. */
  sealed interface Entry permits Call, Answer {
    /** The id of the call, the same in its reply. */
    long id();

    /** Writes this entry into a frame. */
    void write(CodecOutput out);

    /** About how many bytes it takes in a frame. */
    int size();
  }

  /**
   * A call of cache {@code cache}.
   *
   * @param id the call's id, unique among the sender's calls under way
   * @param probe whether it is a probe
   * @param cache the cache's name
   * @param payload the cache's own request bytes
   */
  record Call(long id, boolean probe, String cache, byte[] payload) implements Entry {
    @Override
    public void write(CodecOutput out) {
      out.writeByte(probe ? PROBE : REQUEST);
      out.writeVarLong(id);
      out.writeString(cache);
      out.writeBytes(payload);
    }

    @Override
    public int size() {
      return 16 + cache.length() + payload.length;
    }
  }

  /**
   * The reply to call {@code id}.
   *
   * @param id the call's id
   * @param payload the reply bytes
   */
  record Answer(long id, byte[] payload) implements Entry {
    @Override
    public void write(CodecOutput out) {
      out.writeByte(REPLY);
      out.writeVarLong(id);
      out.writeBytes(payload);
    }

    @Override
    public int size() {
      return 12 + payload.length;
    }
  }

  /** A frame of {@code entries}, in order. */
  static byte[] write(List<? extends Entry> entries) {
    int size = 8;
    for (Entry entry : entries) {
      size += entry.size();
    }
    CodecOutput out = new CodecOutput(size);
    out.writeByte(VERSION);
    out.writeVarInt(entries.size());
    for (Entry entry : entries) {
      entry.write(out);
    }
    return out.toByteArray();
  }

  /** The refusal this node sends a node that speaks another version. */
  static byte[] refusal() {
    return new byte[] {REFUSAL, VERSION};
  }

  /**
   * What a frame said: its version, and its entries when it is of this version; for a refusal, the
   * version is {@link #REFUSAL} and {@code refuserVersion} the version the refusing node speaks.
   */
  record Frame(int version, List<Entry> entries, int refuserVersion) {
    Frame(int version, List<Entry> entries) {
      this(version, entries, 0);
    }

    /** True when this is a refusal. */
    boolean refused() {
      return version == REFUSAL;
    }
  }

  /**
   * Reads a frame.
   *
   * @throws IllegalArgumentException for an entry code this version does not know
   */
  static Frame read(byte[] bytes, int offset, int length) {
    CodecInput in = new CodecInput(bytes, offset, length);
    int version = in.readUnsignedByte();
    if (version == REFUSAL) {
      return new Frame(REFUSAL, List.of(), in.readUnsignedByte());
    }
    if (version != VERSION) {
      return new Frame(version, List.of());
    }
    int count = in.readLength(3);
    Entry[] entries = new Entry[count];
    for (int i = 0; i < count; i++) {
      int code = in.readUnsignedByte();
      long id = in.readVarLong();
      entries[i] = switch (code) {
        case REQUEST, PROBE -> new Call(id, code == PROBE, in.readString(), in.readBytes());
        case REPLY -> new Answer(id, in.readBytes());
        default -> throw new IllegalArgumentException("unknown cluster frame entry code " + code);
      };
    }
    return new Frame(version, List.of(entries));
  }
}
