package dev.vela.topology.partitioned;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the caller of a write request stops waiting for its answer, carried after the request as
 * its message family wrote it (eight bytes, wall-clock milliseconds), so that the node that
 * receives it refuses a write that comes later than that instead of applying it.
 *
 * <p>Why: the owner gives a write its version when it applies it. A request that reached a node
 * just before the node was stopped (a long GC pause, a stalled VM) sits in its socket until the node
 * goes on, long after its caller gave up and, its node excluded, wrote the key again on the key's
 * new owner. Applied then, it would get a version later than that acknowledged write, and win over
 * it everywhere once the node is merged back. Refused, it is one of the caller's failed writes,
 * which may or may not have landed, and it lands never. The wall clocks of the nodes must agree to
 * well within the rpcTimeout, as ordering the writes of two sides of a partition already assumes;
 * a write refused because the receiver's clock is ahead comes back to a caller still waiting, with
 * a message that says so.
 */
final class WriteDeadline {
  /** The deadline of a request that carries none: it never passes. */
  static final long NONE = Long.MAX_VALUE;
  /** The requests that carry a deadline: those that change keys on the node that serves them. */
  private static final Set<Op> WRITES = EnumSet.of(Op.PUT, Op.PUT_ALL, Op.DELETE, Op.WRITE, Op.DELETE_ALL);
  private static final int BYTES = 8;

  private WriteDeadline() {}

  /** Ends {@code request} with the moment its caller, waiting {@code timeout} from now, gives up on it. */
  static byte[] append(byte[] request, Duration timeout) {
    CodecOutput out = new CodecOutput(request.length + BYTES);
    out.writeRaw(request, 0, request.length);
    out.writeLong(System.currentTimeMillis() + timeout.toMillis());
    return out.toByteArray();
  }

  /** The deadline that ends {@code request}, a request of {@code op}; {@link #NONE} for an op that carries none. */
  static long of(Op op, byte[] request) {
    if (!WRITES.contains(op)) {
      return NONE;
    }
    if (request.length < 1 + BYTES) {
      throw new IllegalArgumentException("the " + op + " request carries no deadline; do all nodes run one version?");
    }
    return new CodecInput(request, request.length - BYTES, BYTES).readLong();
  }

  /** How many milliseconds ago {@code deadline} passed; zero or less while it has not. */
  static long overdueMillis(long deadline) {
    return deadline == NONE ? Long.MIN_VALUE : System.currentTimeMillis() - deadline;
  }
}
