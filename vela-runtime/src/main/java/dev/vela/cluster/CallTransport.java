package dev.vela.cluster;

import dev.vela.VelaException;
import dev.vela.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls between the caches of the nodes of one cluster, over one JGroups channel: each call gets an
 * id and goes into the {@link Outbox} of its node, replies come back with the id, and the calls and
 * replies that meet in an outbox travel in one {@link CallFrames frame}. The receiving node answers
 * a frame's calls one after the other, on the network thread that delivered it or, from the first
 * call that may wait on, on a thread of the transport's pool (a cache hands calls that may wait long
 * to a thread of its own), and sends the answers that are ready by then in one frame.
 *
 * <p>A call ends with its reply, or with a {@link VelaException} when its time is up, its node
 * leaves the view, or this node closes. One timer thread per node ends late calls, woken at the
 * earliest deadline of the calls under way (never while none are), and, while calls wait past an
 * outbox's window, every {@link #UNSTICK_MILLIS} ms to send those that waited too long: an idle
 * node, or one with a single caller, wakes no thread of its own. A caller waiting for its reply
 * spins for a moment first while its call is the node's only one under way ({@link LoneCallerSpin}).
 *
 * <p>Frames are read on the connection's own thread when the built-in stack delivers them there
 * ({@link DirectFrames}): replies complete futures, and the calls that waited for them leave. Calls
 * that their cache can answer at once without waiting ({@link CacheEndpoint#answerNow}) are answered
 * there too; from the first one that may wait on, a frame's calls go to the transport's pool, in
 * order, since a wait on the reading thread would also hold up the replies it waits for. A
 * frame larger than {@link #INLINE_SEND_BYTES} that a delivering thread would send goes through the
 * transport's pool instead, so that thread never waits long on a full socket while the other
 * node waits on it.
 */
final class CallTransport implements Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(CallTransport.class);
  /** While calls wait past an outbox's window, how often the waiting ones are looked at. */
  static final long UNSTICK_MILLIS = 2;
  /** Calls whose deadlines are this close share one wake-up of the timer: the precision of a timeout. */
  private static final long DEADLINE_SLACK_NANOS = 1_000_000;
  /** The largest frame a thread that delivers frames sends itself. */
  static final int INLINE_SEND_BYTES = 16 * 1024;
  /** True on a thread while it delivers a frame. */
  private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> false);
  /** Frames of calls on their way to one node before further calls wait for its replies. */
  static final int WINDOW = 2;
  /** How long calls wait for replies to come before they leave anyway. */
  private static final long STALE_NANOS = 1_000_000;

  private final JChannel channel;
  private final CacheEndpoints endpoints;
  private final String clusterName;
  private final Consumer<View> views;
  private final PendingCalls calls = new PendingCalls();
  private final LoneCallerSpin spin = new LoneCallerSpin(calls::underWay);
  private final Map<Address, Outbox> callsTo = new ConcurrentHashMap<>();
  private final Map<Address, Outbox> repliesTo = new ConcurrentHashMap<>();
  private final Set<Address> warnedVersions = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private final AtomicBoolean unstickArmed = new AtomicBoolean();
  private final Object deadlineLock = new Object();
  /** When the armed deadline check runs; read without the lock as a hint. */
  private volatile long deadlineCheckNanos;
  private volatile boolean deadlineArmed;
  private ScheduledFuture<?> deadlineCheck; // guarded by deadlineLock
  private final HandedOnCalls handedOn = new HandedOnCalls();
  private final LongAdder framesSent = new LongAdder();
  private final LongAdder entriesSent = new LongAdder();
  private volatile boolean closed;

  CallTransport(JChannel channel, CacheEndpoints endpoints, String clusterName, String nodeName, Consumer<View> views) {
    this.channel = channel;
    this.endpoints = endpoints;
    this.clusterName = clusterName;
    this.views = views;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "vela-cluster-" + clusterName + "-calls-" + nodeName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true); // a rescheduled deadline check leaves no dead task behind
    this.timer = executor;
  }

  /**
   * Sends {@code request} to {@code cacheName} on {@code member} at {@code target}; the future
   * completes with its reply, or exceptionally as the class comment says. A probe's empty reply (the
   * cache does not run there) completes it exceptionally too.
   */
  CompletableFuture<byte[]> call(String cacheName, String member, Address target, byte[] request, Duration timeout,
      boolean probe) {
    CompletableFuture<byte[]> reply = new CallReply<>(spin);
    if (closed) {
      reply.completeExceptionally(new VelaException("cluster node " + channel.getName() + " is closed; cache '"
          + cacheName + "' cannot call " + member));
      return reply;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long id = calls.add(member, cacheName, timeout, deadline, reply);
    armDeadline(deadline);
    callsTo(target).add(new CallFrames.Call(id, probe, cacheName, request));
    return reply;
  }

  /** Frames sent so far, and the calls and replies they carried: how well sends were shared. */
  long framesSent() {
    return framesSent.sum();
  }

  /** Calls and replies sent so far. */
  long entriesSent() {
    return entriesSent.sum();
  }

  private Outbox callsTo(Address target) {
    Outbox outbox = callsTo.get(target);
    return outbox != null ? outbox
        : callsTo.computeIfAbsent(target, to -> new Outbox(WINDOW, entries -> send(to, entries), this::armUnstick));
  }

  private Outbox repliesTo(Address target) {
    Outbox outbox = repliesTo.get(target);
    return outbox != null ? outbox
        : repliesTo.computeIfAbsent(target, to -> new Outbox(Integer.MAX_VALUE, entries -> send(to, entries)));
  }

  private void send(Address target, List<CallFrames.Entry> entries) {
    framesSent.increment();
    entriesSent.add(entries.size());
    AtomicBoolean answered = new AtomicBoolean(); // the first reply to any call of the frame frees its place
    for (CallFrames.Entry entry : entries) {
      if (entry instanceof CallFrames.Call call) {
        PendingCalls.Pending pending = calls.get(call.id());
        if (pending != null) {
          pending.frame().set(answered);
        }
      }
    }
    byte[] frame = CallFrames.write(entries);
    if (frame.length > INLINE_SEND_BYTES && DELIVERING.get()) {
      try {
        if (channel.getProtocolStack().getTransport().getThreadPool().execute(() -> send(target, entries, frame))) {
          return;
        }
      } catch (RuntimeException rejected) {
        LOG.debug("could not hand a frame to {} to the transport's threads; sending it here", target, rejected);
      }
    }
    send(target, entries, frame);
  }

  private void send(Address target, List<CallFrames.Entry> entries, byte[] frame) {
    try {
      // outside flow control: the outboxes' window bounds the calls on their way, and a thread that
      // delivers replies sends the calls that waited for them, where waiting for credits would hold
      // up the connection the credits come on
      Message message = new BytesMessage(target, frame).setFlag(Message.Flag.OOB, Message.Flag.NO_FC);
      channel.send(onlyReplies(entries) ? DirectFrames.markReplies(message) : DirectFrames.markCalls(message));
    } catch (Exception e) {
      for (CallFrames.Entry entry : entries) {
        if (entry instanceof CallFrames.Call call) {
          PendingCalls.Pending pending = calls.take(call.id());
          if (pending != null) {
            pending.reply().completeExceptionally(failure(pending, "could not be reached (" + e + ")", e));
          }
        }
      }
      LOG.debug("could not send {} calls and replies to {}", entries.size(), target, e);
    }
  }

  /** True when {@code entries} are all replies: the receiving node handles them on its reading thread alone. */
  private static boolean onlyReplies(List<CallFrames.Entry> entries) {
    for (CallFrames.Entry entry : entries) {
      if (!(entry instanceof CallFrames.Answer)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void receive(Message message) {
    boolean nested = DELIVERING.get();
    if (!nested) {
      DELIVERING.set(true);
    }
    try {
      deliver(message);
    } finally {
      if (!nested) {
        DELIVERING.set(false);
      }
    }
  }

  private void deliver(Message message) {
    CallFrames.Frame frame;
    try {
      frame = CallFrames.read(message.getArray(), message.getOffset(), message.getLength());
    } catch (RuntimeException e) {
      LOG.warn("cluster '{}' dropped a message from {} that is not a frame of calls: {}", clusterName,
          message.getSrc(), e.toString());
      return;
    }
    Address from = message.getSrc();
    if (frame.refused()) {
      String member = String.valueOf(from);
      String what = "speaks version " + frame.refuserVersion() + " of the cluster call protocol and this node version "
          + CallFrames.VERSION + ", so it refused the call. Run one version of Vela on every node of";
      for (PendingCalls.Pending refused : calls.takeIf(call -> call.member().equals(member))) {
        refused.reply().completeExceptionally(new VelaException("node " + member + " " + what + " cluster '"
            + clusterName + "' (cache '" + refused.cacheName() + "')"));
      }
      return;
    }
    if (frame.version() != CallFrames.VERSION) {
      if (warnedVersions.add(from)) {
        LOG.warn("cluster '{}': node {} speaks version {} of the call protocol and this node version {}; its calls are"
            + " refused. Run one version of Vela on every node", clusterName, from, frame.version(), CallFrames.VERSION);
      }
      try {
        channel.send(new BytesMessage(from, CallFrames.refusal()).setFlag(Message.Flag.OOB));
      } catch (Exception e) {
        LOG.debug("could not refuse the calls of {}", from, e);
      }
      return;
    }
    String fromName = String.valueOf(from);
    boolean reading = DirectFrames.onReadingThread();
    FrameReplies replies = null;
    List<CallFrames.Call> handedOn = null;
    int framesAnswered = 0;
    for (CallFrames.Entry entry : frame.entries()) {
      if (entry instanceof CallFrames.Answer answer) {
        framesAnswered += complete(answer);
      } else if (entry instanceof CallFrames.Call call) {
        if (handedOn != null) {
          handedOn.add(call); // after one that may wait: the frame's calls keep their order
          continue;
        }
        if (replies == null) {
          replies = new FrameReplies(repliesTo(from));
        }
        FrameReplies to = replies;
        Consumer<byte[]> reply = bytes -> to.reply(new CallFrames.Answer(call.id(), bytes));
        if (!reading) {
          endpoints.dispatch(fromName, call.cache(), call.probe(), call.payload(), reply);
        } else if (!endpoints.answerNow(fromName, call.cache(), call.probe(), call.payload(), reply)) {
          handedOn = new ArrayList<>();
          handedOn.add(call);
        }
      }
    }
    if (replies != null) {
      replies.send();
    }
    if (handedOn != null) {
      handOn(from, handedOn);
    }
    if (framesAnswered > 0) {
      Outbox calls = callsTo.get(from);
      if (calls != null) {
        calls.replied(framesAnswered);
      }
    }
  }

  /**
   * Has the transport's pool answer {@code calls} from {@code from}, in order, on one thread: the
   * calls of a frame that may wait, which the connection's reading thread must not. Their answers
   * ready by the last one's end leave together, as those of a frame read on a pool thread do.
   */
  private void handOn(Address from, List<CallFrames.Call> calls) {
    Long number = handedOn.handing();
    Runnable answer = () -> {
      DELIVERING.set(true);
      try {
        dispatch(from, calls);
      } finally {
        DELIVERING.set(false);
        handedOn.reached(number);
      }
    };
    boolean taken;
    try {
      taken = channel.getProtocolStack().getTransport().getThreadPool().execute(answer);
    } catch (RuntimeException rejected) {
      taken = false;
    }
    if (!taken) {
      handedOn.reached(number);
      // as JGroups drops a message its pool refuses: the callers' timeouts end these calls
      LOG.warn("cluster '{}' dropped {} calls from {}: the transport's thread pool refused them", clusterName,
          calls.size(), from);
    }
  }

  /**
   * Waits, at most {@code timeout}, until every call that the connections have read so far and
   * handed to the transport's pool has reached its cache; false when the time ran out.
   */
  boolean awaitHandedOn(Duration timeout) {
    return handedOn.await(timeout);
  }

  private void dispatch(Address from, List<CallFrames.Call> calls) {
    String fromName = String.valueOf(from);
    FrameReplies replies = new FrameReplies(repliesTo(from));
    for (CallFrames.Call call : calls) {
      endpoints.dispatch(fromName, call.cache(), call.probe(), call.payload(),
          bytes -> replies.reply(new CallFrames.Answer(call.id(), bytes)));
    }
    replies.send();
  }

  /** Completes the call {@code answer} answers; returns 1 when it is the first answer to a call of its frame, else 0. */
  private int complete(CallFrames.Answer answer) {
    PendingCalls.Pending pending = calls.take(answer.id());
    if (pending == null) {
      return 0; // timed out, or its node left, before the reply came
    }
    AtomicBoolean frame = pending.frame().get();
    int firstOfFrame = frame != null && frame.compareAndSet(false, true) ? 1 : 0;
    if (CacheEndpoints.saysNotRunning(answer.payload())) {
      pending.reply().completeExceptionally(new VelaException("cache '" + pending.cacheName() + "' does not run on node "
          + pending.member() + " of cluster '" + clusterName + "'"));
    } else {
      pending.reply().complete(answer.payload());
    }
    return firstOfFrame;
  }

  @Override
  public void viewAccepted(View view) {
    Set<String> members = new HashSet<>();
    for (Address address : view.getMembers()) {
      members.add(address.toString());
    }
    callsTo.keySet().removeIf(address -> !view.containsMember(address));
    repliesTo.keySet().removeIf(address -> !view.containsMember(address));
    for (PendingCalls.Pending gone : calls.takeIf(call -> !members.contains(call.member()))) {
      gone.reply().completeExceptionally(failure(gone, "left the view before it answered", null));
    }
    views.accept(view);
  }

  /** Makes sure the deadline check runs by {@code deadline} (give or take the slack). */
  private void armDeadline(long deadline) {
    if (deadlineArmed && deadlineCheckNanos - deadline <= DEADLINE_SLACK_NANOS) {
      return; // the usual case: an earlier call's check comes first
    }
    synchronized (deadlineLock) {
      if (closed || deadlineArmed && deadlineCheckNanos - deadline <= DEADLINE_SLACK_NANOS) {
        return;
      }
      if (deadlineCheck != null) {
        deadlineCheck.cancel(false);
      }
      try {
        deadlineCheck = timer.schedule(this::endLateCalls, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        deadlineCheckNanos = deadline;
        deadlineArmed = true;
      } catch (RejectedExecutionException e) {
        deadlineArmed = false; // closing: close() ends the calls
      }
    }
  }

  private void endLateCalls() {
    synchronized (deadlineLock) {
      deadlineArmed = false;
      deadlineCheck = null;
    }
    try {
      for (PendingCalls.Pending late : calls.takeExpired(System.nanoTime())) {
        late.reply().completeExceptionally(failure(late, "did not answer within rpcTimeout "
            + Durations.format(late.timeout()), new java.util.concurrent.TimeoutException()));
      }
    } catch (RuntimeException e) {
      LOG.warn("ending late calls failed", e);
    }
    OptionalLong next = calls.earliestDeadline();
    if (next.isPresent()) {
      armDeadline(next.getAsLong());
    }
  }

  /** An outbox holds calls past its window: look at it again in a moment, unless that is arranged. */
  private void armUnstick() {
    if (!closed && unstickArmed.compareAndSet(false, true)) {
      scheduleUnstick();
    }
  }

  private void scheduleUnstick() {
    try {
      timer.schedule(this::unstick, UNSTICK_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      unstickArmed.set(false); // closing
    }
  }

  private void unstick() {
    boolean holding = false;
    try {
      long now = System.nanoTime();
      for (Outbox outbox : callsTo.values()) {
        outbox.unstick(now, STALE_NANOS);
        holding |= outbox.holding();
      }
    } catch (RuntimeException e) {
      LOG.warn("sending calls that waited failed", e);
    }
    if (holding) {
      scheduleUnstick();
      return;
    }
    unstickArmed.set(false);
    for (Outbox outbox : callsTo.values()) { // one held meanwhile saw the flag still up
      if (outbox.holding()) {
        armUnstick();
        return;
      }
    }
  }

  /** Ends every call under way: this node is closing. */
  void close() {
    closed = true;
    timer.shutdownNow();
    for (PendingCalls.Pending left : calls.takeIf(call -> true)) {
      left.reply().completeExceptionally(failure(left, "was called when this node closed", null));
    }
  }

  private VelaException failure(PendingCalls.Pending call, String what, Throwable cause) {
    return new VelaException(
        "node " + call.member() + " " + what + " for cache '" + call.cacheName() + "'; it may have left cluster '"
            + clusterName + "', in which case its keys move to other nodes once the view changes", cause);
  }

  /**
   * The answers to the calls of one frame: those given while the frame is being read wait for its
   * end and leave together; later ones (a call that waited for something) leave at once.
   */
  private static final class FrameReplies {
    private final Outbox outbox;
    private List<CallFrames.Entry> held = new ArrayList<>();

    FrameReplies(Outbox outbox) {
      this.outbox = outbox;
    }

    void reply(CallFrames.Answer answer) {
      synchronized (this) {
        if (held != null) {
          held.add(answer);
          return;
        }
      }
      outbox.add(answer);
    }

    void send() {
      List<CallFrames.Entry> ready;
      synchronized (this) {
        ready = held;
        held = null;
      }
      if (!ready.isEmpty()) {
        outbox.addAll(ready);
      }
    }
  }
}
