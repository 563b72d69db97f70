package dev.vela.cluster;

import dev.vela.config.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.JChannel;
import org.jgroups.PhysicalAddress;
import org.jgroups.View;
import org.jgroups.protocols.MERGE3;

/**
 * Waits, after a node has connected, until its view holds every node it has heard of: nodes that
 * start at the same moment may each find no coordinator yet and become one, forming two clusters
 * that JGroups' merge protocol joins only seconds later, while each serves alone. Every node that
 * answered this one's discovery, or sent it its own, is alive and in this cluster, so the view
 * must come to contain it; meanwhile merge information is sent every {@value #NUDGE_MILLIS} ms
 * rather than every few seconds, so the split heals at once.
 */
final class StartupFormation {
  /** The reserved cache name under which a node answers with its view; no cache name holds a NUL. */
  static final String VIEW_ENDPOINT = "\u0000view";
  /** How often to exchange views with the other coordinators while split. */
  private static final long NUDGE_MILLIS = 200;

  private StartupFormation() {}

  /**
   * The state of a node's start: whether its view holds every node it heard of, with every member
   * sharing that view, and if not, which nodes it serves without.
   *
   * @param unreached physical addresses of nodes heard of but not in the view, or members whose
   *     view is another (with both views); empty when complete
   * @param waited how long the start waited for them
   */
  record Formation(Set<String> unreached, Duration waited) {
    /** True when the view holds every node heard of. */
    boolean complete() {
      return unreached.isEmpty();
    }

    /** As {@code inspect()} shows it. */
    String describe() {
      return complete() ? "joined every node it heard of" : "serving without " + String.join(", ", unreached)
          + ": heard of at start, but not in one view with this node within " + Durations.format(waited);
    }
  }

  /**
   * Waits at most {@code bound} until the view of {@code channel} holds every node it heard of and
   * every member answers {@code askView} with that view. {@code viewLock} is notified at each new
   * view; {@code closed} ends the wait.
   */
  static Formation await(JChannel channel, Object viewLock, Duration bound, BooleanSupplier closed,
      Function<String, CompletableFuture<byte[]>> askView) {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    MERGE3 merge = channel.getProtocolStack().findProtocol(MERGE3.class);
    while (true) {
      Set<String> unreached = unreached(channel);
      long now = System.nanoTime();
      if (unreached.isEmpty()) {
        unreached = lagging(channel, askView, deadline);
        now = System.nanoTime();
      }
      if (unreached.isEmpty() || now >= deadline || closed.getAsBoolean()) {
        return new Formation(unreached, Duration.ofNanos(now - start));
      }
      if (merge != null) {
        merge.sendInfo();
        if (merge.isCoord()) {
          merge.checkInconsistencies();
        }
      }
      synchronized (viewLock) {
        try {
          TimeUnit.NANOSECONDS.timedWait(viewLock, Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(NUDGE_MILLIS)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Formation(unreached, Duration.ofNanos(System.nanoTime() - start));
        }
      }
    }
  }

  /** The endpoint, under {@link #VIEW_ENDPOINT}, that tells other starting nodes this node's view. */
  static CacheEndpoint viewEndpoint(JChannel channel) {
    return new CacheEndpoint() {
      @Override
      public void handle(String from, byte[] request, Consumer<byte[]> reply) {
        View view = channel.getView();
        reply.accept(String.valueOf(view == null ? null : view.getViewId()).getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void membersChanged(List<String> members) {}
    };
  }

  /**
   * The members whose view is not this node's: when two nodes join at once, the coordinator may
   * send the second view before the first joiner has taken the first, and that joiner then sees
   * the second only a moment later; a node that starts meanwhile must not route by a view some
   * member does not have yet. A member running an older version without the view endpoint counts
   * as agreeing.
   */
  private static Set<String> lagging(
      JChannel channel, Function<String, CompletableFuture<byte[]>> askView, long deadline) {
    View view = channel.getView();
    String own = String.valueOf(view.getViewId());
    Map<String, CompletableFuture<byte[]>> answers = new TreeMap<>();
    for (Address member : view.getMembers()) {
      if (!member.equals(channel.getAddress())) {
        answers.put(member.toString(), askView.apply(member.toString()));
      }
    }
    Set<String> lagging = new TreeSet<>();
    answers.forEach((member, answer) -> {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        String theirs = new String(answer.get(left, TimeUnit.NANOSECONDS), StandardCharsets.UTF_8);
        if (!theirs.equals(own)) {
          lagging.add(member + " (view " + theirs + ", this node's " + own + ")");
        }
      } catch (ExecutionException notRunning) {
        // an older node, or one leaving: nothing to wait for
      } catch (TimeoutException e) {
        lagging.add(member + " (no answer)");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        lagging.add(member + " (interrupted)");
      }
    });
    return lagging;
  }

  /** Physical addresses of the nodes this one heard of, not itself, whose address is not in its view. */
  @SuppressWarnings("unchecked")
  private static Set<String> unreached(JChannel channel) {
    View view = channel.getView();
    Address self = channel.getAddress();
    if (view == null || self == null) {
      return Set.of();
    }
    Set<String> inView = new TreeSet<>();
    for (Address member : view.getMembers()) {
      Object physical = channel.down(new Event(Event.GET_PHYSICAL_ADDRESS, member));
      if (physical != null) {
        inView.add(physical.toString());
      }
    }
    Object own = channel.down(new Event(Event.GET_PHYSICAL_ADDRESS, self));
    // false: with the entries the transport marked removable, as it does for every node outside its
    // view when a view is installed, so for the very nodes of the other half of a split start. A
    // node that is new has heard only of live ones: those that answered its discovery or sent theirs
    Object known = channel.down(new Event(Event.GET_LOGICAL_PHYSICAL_MAPPINGS, false));
    Set<String> unreached = new TreeSet<>();
    if (known instanceof Map<?, ?> mappings) {
      for (Object physical : ((Map<Address, PhysicalAddress>) mappings).values()) {
        String address = String.valueOf(physical);
        if (physical != null && !address.equals(String.valueOf(own)) && !inView.contains(address)) {
          unreached.add(address);
        }
      }
    }
    return unreached;
  }
}
