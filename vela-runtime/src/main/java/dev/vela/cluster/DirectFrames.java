package dev.vela.cluster;

import org.jgroups.Message;
import org.jgroups.protocols.TP;
import org.jgroups.stack.MessageProcessingPolicy;
import org.jgroups.util.MaxOneThreadPerSender;

/**
 * How the built-in stack's transport hands received messages up: {@link CallTransport}'s frames on
 * the thread that read them from the connection, everything else as JGroups' default does (to its
 * thread pool). JGroups supports delivery on the reading thread (its own protocols are written for a
 * transport without a pool). A frame of replies only completes futures (and sends the calls that
 * waited for them), so the pool's hand-off would only add a thread wake-up to every call. A frame
 * with calls is read there too, so that the calls a cache can answer at once without waiting
 * ({@link CacheEndpoint#answerNow}) are answered without a hand-off; {@link CallTransport} hands the
 * others to the pool itself, since a cache answering one may wait, say for a lock whose holder waits
 * for a reply that this connection's thread has to read.
 *
 * <p>Frames are told apart by their flags: out-of-band and outside flow control (the outboxes'
 * window bounds the calls on their way, and replies answer calls already counted), and then outside
 * total order (which the stack does not have) for frames of replies ({@link #markReplies}), or not
 * to be bundled (the stack has no bundler) for frames with calls ({@link #markCalls}). The two marks
 * differ so that a node of an earlier version, which ran every frame it read on the connection's
 * thread to its end, still hands frames with calls to its pool. An internal JGroups message with the
 * same flags would also be handed up here, which JGroups supports too.
 */
final class DirectFrames extends MaxOneThreadPerSender {
  /** True on a thread while it hands up a message it read from a connection. */
  private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

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

  /** Flags {@code message} as a frame of replies only: read on the receiving connection's thread. */
  static Message markReplies(Message message) {
    return message.setFlag(Message.Flag.OOB, Message.Flag.NO_FC, Message.Flag.NO_TOTAL_ORDER);
  }

  /** Flags {@code message} as a frame with calls: read on the receiving connection's thread, which answers some. */
  static Message markCalls(Message message) {
    return message.setFlag(Message.Flag.OOB, Message.Flag.NO_FC, Message.Flag.DONT_BUNDLE);
  }

  /** True for a message {@link #markReplies} or {@link #markCalls} flagged, sent to this node alone. */
  static boolean marked(Message message) {
    return message.getDest() != null && message.isFlagSet(Message.Flag.OOB) && message.isFlagSet(Message.Flag.NO_FC)
        && (message.isFlagSet(Message.Flag.NO_TOTAL_ORDER) || message.isFlagSet(Message.Flag.DONT_BUNDLE));
  }

  /**
   * True when the current thread is a connection's reading thread handing up a frame: it must not
   * wait for anything, as the replies it waited for could come only on this very connection.
   */
  static boolean onReadingThread() {
    return READING.get();
  }

  @Override
  public boolean process(Message message, boolean oob) {
    if (oob && marked(message)) {
      boolean nested = READING.get();
      READING.set(true);
      try {
        tp.passMessageUp(message, true, false, true);
      } finally {
        READING.set(nested);
      }
      return true;
    }
    return super.process(message, oob);
  }
}
