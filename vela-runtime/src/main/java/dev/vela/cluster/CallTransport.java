package dev.vela.cluster;

import dev.vela.VelaException;
import dev.vela.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
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
 * a frame's calls one after the other on the network thread that delivered it (a cache hands calls
 * that may wait to a thread of its own) and sends the answers that are ready by then in one frame.
 *
 * <p>A call ends with its reply, or with a {@link VelaException} when its time is up (a sweep every
 * {@link #SWEEP_MILLIS} ms), its node leaves the view, or this node closes.
 */
final class CallTransport implements Receiver {
  private static final Logger LOG = LoggerFactory.getLogger(CallTransport.class);
  /** How often calls whose time is up are looked for: the precision of a call's timeout. */
  static final long SWEEP_MILLIS = 2;
  /** Frames of calls on their way to one node before further calls wait for its replies. */
  static final int WINDOW = 2;
  /** How long calls wait for replies to come before they leave anyway. */
  private static final long STALE_NANOS = 1_000_000;

  private final JChannel channel;
  private final CacheEndpoints endpoints;
  private final String clusterName;
  private final Consumer<View> views;
  private final PendingCalls calls = new PendingCalls();
  private final Map<Address, Outbox> callsTo = new ConcurrentHashMap<>();
  private final Map<Address, Outbox> repliesTo = new ConcurrentHashMap<>();
  private final Set<Address> warnedVersions = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;
  private final LongAdder framesSent = new LongAdder();
  private final LongAdder entriesSent = new LongAdder();
  private volatile boolean closed;

  CallTransport(JChannel channel, CacheEndpoints endpoints, String clusterName, String nodeName, Consumer<View> views) {
    this.channel = channel;
    this.endpoints = endpoints;
    this.clusterName = clusterName;
    this.views = views;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "vela-cluster-" + clusterName + "-calls-" + nodeName);
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends {@code request} to {@code cacheName} on {@code member} at {@code target}; the future
   * completes with its reply, or exceptionally as the class comment says. A probe's empty reply (the
   * cache does not run there) completes it exceptionally too.
   */
  CompletableFuture<byte[]> call(String cacheName, String member, Address target, byte[] request, Duration timeout,
      boolean probe) {
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    if (closed) {
      reply.completeExceptionally(new VelaException("cluster node " + channel.getName() + " is closed; cache '"
          + cacheName + "' cannot call " + member));
      return reply;
    }
    long id = calls.add(member, cacheName, timeout, reply);
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
    return outbox != null ? outbox : callsTo.computeIfAbsent(target, to -> new Outbox(WINDOW, entries -> send(to, entries)));
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
    try {
      channel.send(new BytesMessage(target, CallFrames.write(entries)).setFlag(Message.Flag.OOB));
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

  @Override
  public void receive(Message message) {
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
    FrameReplies replies = null;
    int framesAnswered = 0;
    for (CallFrames.Entry entry : frame.entries()) {
      if (entry instanceof CallFrames.Answer answer) {
        framesAnswered += complete(answer);
      } else if (entry instanceof CallFrames.Call call) {
        if (replies == null) {
          replies = new FrameReplies(repliesTo(from));
        }
        FrameReplies to = replies;
        endpoints.dispatch(fromName, call.cache(), call.probe(), call.payload(),
            bytes -> to.reply(new CallFrames.Answer(call.id(), bytes)));
      }
    }
    if (replies != null) {
      replies.send();
    }
    if (framesAnswered > 0) {
      Outbox calls = callsTo.get(from);
      if (calls != null) {
        calls.replied(framesAnswered);
      }
    }
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

  private void sweep() {
    try {
      long now = System.nanoTime();
      for (Outbox calls : callsTo.values()) {
        calls.unstick(now, STALE_NANOS);
      }
      for (PendingCalls.Pending late : calls.takeExpired(System.nanoTime())) {
        late.reply().completeExceptionally(failure(late, "did not answer within rpcTimeout "
            + Durations.format(late.timeout()), new java.util.concurrent.TimeoutException()));
      }
    } catch (RuntimeException e) {
      LOG.warn("ending late calls failed", e);
    }
  }

  /** Ends every call under way: this node is closing. */
  void close() {
    closed = true;
    sweeper.shutdownNow();
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
