package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that a cache answers at once ({@link CacheEndpoint#answerNow}) are answered on the thread
 * that read them from the connection; a call that may wait never runs there, since a wait there
 * would hold up the replies that come on that connection, the one its wait needs among them.
 */
class AnswerNowTest {
  private static final long DEADLINE_SECONDS = 20;
  /** JGroups names a connection's reading thread "Connection.Receiver ...". */
  private static final String READING_THREAD = "Connection.Receiver";

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private VelaCluster[] nodes(String cluster) {
    int[] ports = {FreePorts.next(), FreePorts.next()};
    String hosts = FreePorts.loopbackHosts(ports);
    VelaCluster[] nodes = new VelaCluster[2];
    for (int i = 0; i < 2; i++) {
      nodes[i] = VelaCluster.builder()
          .clusterName(cluster)
          .port(ports[i])
          .initialHosts(hosts)
          .joinTimeout(Duration.ofMillis(500))
          .rpcTimeout(Duration.ofSeconds(5))
          .start();
      opened.add(nodes[i]);
    }
    nodes[0].awaitMembers(new RequiredMembers.Count(2), Duration.ofSeconds(DEADLINE_SECONDS));
    return nodes;
  }

  /** Cache "keys" on both nodes, a {@link Locking} one on the first and {@code b} on the second; their channels. */
  private CacheChannel[] lockingCaches(VelaCluster[] nodes, Locking b) {
    CacheChannel onA = nodes[0].join("keys", new Locking());
    opened.add(onA);
    CacheChannel onB = nodes[1].join("keys", b);
    opened.add(onB);
    return new CacheChannel[] {onA, onB};
  }

  /**
   * A cache whose "read" calls are answered at once and whose other calls take {@link #lock}, as a
   * write takes its key's lock; it notes the thread that answered each.
   */
  private static final class Locking implements CacheEndpoint {
    final ReentrantLock lock = new ReentrantLock();
    final List<String> answeredNow = new CopyOnWriteArrayList<>();
    final List<String> handled = new CopyOnWriteArrayList<>();

    @Override
    public boolean answerNow(String from, byte[] request, Consumer<byte[]> reply) {
      if (!text(request).startsWith("read")) {
        return false;
      }
      answeredNow.add(Thread.currentThread().getName());
      reply.accept(bytes("now:" + text(request)));
      return true;
    }

    @Override
    public void handle(String from, byte[] request, Consumer<byte[]> reply) {
      handled.add(Thread.currentThread().getName());
      lock.lock();
      try {
        reply.accept(bytes("handled:" + text(request)));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void membersChanged(List<String> members) {}
  }

  @Test
  void aCallThatMayWaitLeavesTheReadingThreadSoTheReplyItsLockHolderAwaitsArrives() throws Exception {
    VelaCluster[] nodes = nodes("deadlock");
    Locking b = new Locking();
    CacheChannel[] onA = new CacheChannel[1];
    List<CompletableFuture<byte[]>> sentToB = new CopyOnWriteArrayList<>();
    onA[0] = nodes[0].join("keys", new CacheEndpoint() {
      @Override
      public void handle(String from, byte[] request, Consumer<byte[]> reply) {
        // the call for the locked key leaves before this reply, on the same connection to "b"
        sentToB.add(onA[0].call(from, bytes("write"), Duration.ofSeconds(DEADLINE_SECONDS)));
        reply.accept(bytes("pong"));
      }

      @Override
      public void membersChanged(List<String> members) {}
    });
    opened.add(onA[0]);
    CacheChannel onB = nodes[1].join("keys", b);
    opened.add(onB);

    byte[] pong;
    b.lock.lock(); // a writer on "b" holds the key's lock while it waits for "a"
    try {
      pong = onB.call(nodes[0].localMember(), bytes("ping"), Duration.ofSeconds(DEADLINE_SECONDS))
          .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } finally {
      b.lock.unlock();
    }

    assertThat(text(pong)).isEqualTo("pong");
    assertThat(sentToB).hasSize(1);
    assertThat(text(sentToB.get(0).get(DEADLINE_SECONDS, TimeUnit.SECONDS))).isEqualTo("handled:write");
    assertThat(b.handled).hasSize(1).noneSatisfy(name -> assertThat(name).startsWith(READING_THREAD));
  }

  @Test
  void aCallAnsweredNowIsAnsweredOnTheReadingThreadAndTheCallsAfterAWaitingOneKeepTheirPlace() throws Exception {
    VelaCluster[] nodes = nodes("now");
    Locking b = new Locking();
    CacheChannel onA = lockingCaches(nodes, b)[0];

    for (int i = 0; i < 3; i++) {
      byte[] reply = onA.call(nodes[1].localMember(), bytes("read" + i), Duration.ofSeconds(DEADLINE_SECONDS))
          .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      assertThat(text(reply)).isEqualTo("now:read" + i);
    }
    assertThat(b.answeredNow).hasSize(3).allSatisfy(name -> assertThat(name).startsWith(READING_THREAD));

    // calls sent together while "b" holds its lock: whatever frames they share, each is answered once,
    // and none that takes the lock is answered on the reading thread
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    b.lock.lock();
    try {
      for (int i = 0; i < 8; i++) {
        replies.add(onA.call(nodes[1].localMember(), bytes((i % 2 == 0 ? "write" : "read") + i),
            Duration.ofSeconds(DEADLINE_SECONDS)));
      }
    } finally {
      b.lock.unlock();
    }
    List<String> texts = new ArrayList<>();
    for (CompletableFuture<byte[]> reply : replies) {
      texts.add(text(reply.get(DEADLINE_SECONDS, TimeUnit.SECONDS)));
    }
    for (int i = 0; i < 8; i++) {
      assertThat(texts.get(i)).endsWith((i % 2 == 0 ? "write" : "read") + i);
    }
    assertThat(b.handled).hasSizeGreaterThanOrEqualTo(4).noneSatisfy(name -> assertThat(name).startsWith(READING_THREAD));
  }

  @Test
  void aNodeWaitsForTheCallsItHasReadToReachTheirCache() throws Exception {
    VelaCluster[] nodes = nodes("received");
    Locking b = new Locking();
    CacheChannel[] caches = lockingCaches(nodes, b);
    CacheChannel onA = caches[0];
    CacheChannel onB = caches[1];

    CompletableFuture<byte[]> write;
    b.lock.lock(); // the write, handed to a pool thread on "b", waits there for the lock
    try {
      write = onA.call(nodes[1].localMember(), bytes("write"), Duration.ofSeconds(DEADLINE_SECONDS));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
      while (b.handled.isEmpty() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait();
      }
      assertThat(b.handled).as("the write reached the cache's handler").hasSize(1);

      assertThat(onB.awaitCallsReceived(Duration.ofMillis(50))).as("the write is still being handed over").isFalse();
    } finally {
      b.lock.unlock();
    }
    assertThat(text(write.get(DEADLINE_SECONDS, TimeUnit.SECONDS))).isEqualTo("handled:write");
    assertThat(onB.awaitCallsReceived(Duration.ofSeconds(DEADLINE_SECONDS))).isTrue();
    assertThat(onA.awaitCallsReceived(Duration.ZERO)).as("nothing was handed on at a").isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
