package dev.vela.topology.partitioned;

import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the caller of a write request stops waiting for its answer, carried as the request's last
 * eight bytes (wall-clock milliseconds), so that the node that receives it refuses a write that
 * comes later than that instead of applying it.
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
  /** The requests that carry a deadline: those that change keys on the node that serves them. */
  private static final Set<Op> WRITES = EnumSet.of(Op.PUT, Op.PUT_ALL, Op.DELETE, Op.WRITE, Op.DELETE_ALL);
  private static final int BYTES = 8;

  private WriteDeadline() {}

  /** True when requests of {@code op} end with a deadline. */
  static boolean carries(Op op) {
    return WRITES.contains(op);
  }

  /** Ends a request with the moment its caller, waiting {@code timeout} from now, gives up on it. */
  static byte[] append(CodecOutput request, Duration timeout) {
    request.writeLong(System.currentTimeMillis() + timeout.toMillis());
    return request.toByteArray();
  }

  /** How many milliseconds ago the deadline that ends {@code request} passed; zero or less while it has not. */
  static long overdueMillis(byte[] request) {
    if (request.length < 1 + BYTES) {
      throw new IllegalArgumentException("the write request carries no deadline; do all nodes run one version?");
    }
    long deadline = new CodecInput(request, request.length - BYTES, BYTES).readLong();
    return System.currentTimeMillis() - deadline;
  }
}
