package dev.vela.cluster;

import org.jgroups.Message;
import org.jgroups.protocols.TP;
import org.jgroups.stack.MessageProcessingPolicy;
import org.jgroups.util.MaxOneThreadPerSender;

/**
 * How the built-in stack's transport hands received messages up: {@link CallTransport}'s frames of
 * replies on the thread that read them from the connection, everything else as JGroups' default
 * does (to its thread pool). Such a frame only completes futures (and sends the calls that waited
 * for it), so the pool's hand-off would only add a thread wake-up to every call; JGroups supports
 * delivery on the reading thread (its own protocols are written for a transport without a pool).
 * Frames with calls still go to the pool: a cache answering one may wait, say for a lock whose
 * holder waits for a reply that this connection's thread has to read.
 *
 * <p>Frames are told apart by their flags (see {@link #mark}): out-of-band, outside flow control
 * (replies answer calls that flow control already counted) and outside total order (which the stack
 * does not have). An internal JGroups message with the same flags would also be handed up here,
 * which JGroups supports too.
 */
final class DirectFrames extends MaxOneThreadPerSender {

  /** Makes {@code transport}, built and initialised, deliver with a new policy of this kind. */
  static void install(TP transport) {
    DirectFrames policy = new DirectFrames();
    policy.init(transport);
    MessageProcessingPolicy replaced = transport.getMessageProcessingPolicy();
    transport.msgProcessingPolicy(policy);
    if (replaced != null) {
      replaced.destroy();
    }
  }

  /** Flags {@code message} as a frame of replies: the receiving transport delivers it on its reading thread. */
  static Message mark(Message message) {
    return message.setFlag(Message.Flag.OOB, Message.Flag.NO_FC, Message.Flag.NO_TOTAL_ORDER);
  }

  /** True for a message {@link #mark} flagged, sent to this node alone. */
  static boolean marked(Message message) {
    return message.getDest() != null && message.isFlagSet(Message.Flag.OOB) && message.isFlagSet(Message.Flag.NO_FC)
        && message.isFlagSet(Message.Flag.NO_TOTAL_ORDER);
  }

  @Override
  public boolean process(Message message, boolean oob) {
    if (oob && marked(message)) {
      tp.passMessageUp(message, true, false, true);
      return true;
    }
    return super.process(message, oob);
  }
}
