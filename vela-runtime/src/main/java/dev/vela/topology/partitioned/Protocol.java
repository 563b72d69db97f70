package dev.vela.topology.partitioned;

import dev.vela.codec.CodecInput;
import dev.vela.topology.wire.Wire;

/**
 * The PARTITIONED topology's messages in one place: the three families, {@link KeyMessages},
 * {@link WriteMessages} and {@link NodeMessages}, each with every message's encoder beside its
 * decoder, and the decoding of a whole request by its {@link Op}. A code no version of this
 * topology sends is an error, never read as another request. Requests that change keys (PUT,
 * PUT_ALL, WRITE, DELETE, DELETE_ALL) end, after what their family wrote, with when their caller
 * stops waiting for them: see {@link WriteDeadline}. (The cluster's call frames carry the
 * protocol version, so a node of another version is refused before its requests get here.)
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Protocol<K, V> {
  private final KeyMessages<K, V> keys;
  private final WriteMessages<K, V> writes;
  private final NodeMessages<K, V> nodes;

  /** The messages over {@code wire}'s codecs. */
  Protocol(Wire<K, V> wire) {
    this.keys = new KeyMessages<>(wire);
    this.writes = new WriteMessages<>(wire, keys);
    this.nodes = new NodeMessages<>(wire);
  }

  /** Reads, replies and claims about keys of one owner. */
  KeyMessages<K, V> keys() {
    return keys;
  }

  /** Writes to an owner, and transaction locks. */
  WriteMessages<K, V> writes() {
    return writes;
  }

  /** Whole-node messages: cache-wide calls, handovers, announcements and invalidations. */
  NodeMessages<K, V> nodes() {
    return nodes;
  }

  /**
   * Decodes a whole request.
   *
   * @throws IllegalArgumentException for an empty request, or an op code no version of this topology sends
   * @throws RuntimeException when the rest of the request does not decode
   */
  Request<K, V> decode(byte[] request) {
    if (request.length == 0) {
      throw new IllegalArgumentException("an empty request");
    }
    CodecInput in = new CodecInput(request);
    int code = in.readUnsignedByte();
    Op op = Op.of(code);
    if (op == null) {
      throw new IllegalArgumentException("unknown request code " + code + "; do all nodes run one version?");
    }
    return switch (op) {
      case GET, ENTRY, HELD, DELETE, CLAIM, RELEASE -> keys.readKeyRequest(op, in);
      case GET_ALL, DELETE_ALL -> keys.readKeysRequest(op, in);
      case PUT -> writes.readPutRequest(in);
      case PUT_ALL -> writes.readPutAllRequest(in);
      case WRITE -> writes.readWriteRequest(in);
      case LOCK, UNLOCK -> writes.readLockRequest(op, in);
      case COPY -> nodes.readCopyRequest(in);
      case CHANGED -> nodes.readChangeRequest(in);
      case SIZE, FLUSH, INVALIDATE_TAG, ENTRIES, STATS, HANDOVER_DONE, LEAVING, RUNS ->
          NodeMessages.readNodeRequest(op, in);
    };
  }
}
