package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.VelaException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VelaClusterTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private VelaCluster[] nodes(String cluster, int count) {
    int[] ports = new int[count];
    Arrays.setAll(ports, i -> FreePorts.next());
    String hosts = FreePorts.loopbackHosts(ports);
    VelaCluster[] nodes = new VelaCluster[count];
    for (int i = 0; i < count; i++) {
      nodes[i] = VelaCluster.builder()
          .clusterName(cluster)
          .port(ports[i])
          .initialHosts(hosts)
          .joinTimeout(Duration.ofMillis(500))
          .rpcTimeout(Duration.ofMillis(1500))
          .start();
      opened.add(nodes[i]);
    }
    nodes[0].awaitMembers(new RequiredMembers.Count(count), DEADLINE);
    return nodes;
  }

  /** Answers each request with "<node>:<request>". */
  private static final class Echo implements CacheEndpoint {
    final List<List<String>> views = new CopyOnWriteArrayList<>();
    private final String node;

    Echo(String node) {
      this.node = node;
    }

    @Override
    public void handle(String from, byte[] request, Consumer<byte[]> reply) {
      reply.accept((node + ":" + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void membersChanged(List<String> members) {
      views.add(members);
    }
  }

  /** An endpoint that never answers. */
  private static final class Silent implements CacheEndpoint {
    @Override
    public void handle(String from, byte[] request, Consumer<byte[]> reply) {
      // never answers
    }

    @Override
    public void membersChanged(List<String> members) {}
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void nodesFormOneViewAndAnswerCallsForTheirCache() throws Exception {
    VelaCluster[] nodes = nodes("calls", 2);
    CacheChannel a = nodes[0].join("echo", new Echo("a"));
    CacheChannel b = nodes[1].join("echo", new Echo("b"));
    opened.add(a);
    opened.add(b);

    assertThat(nodes[1].members()).containsExactlyInAnyOrderElementsOf(nodes[0].members()).hasSize(2);
    byte[] reply = a.call(b.self(), bytes("ping"), Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS);
    assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("b:ping");
    Map<String, byte[]> all = b.callOthers(bytes("all"));
    assertThat(all).containsOnlyKeys(a.self());
    assertThat(new String(all.get(a.self()), StandardCharsets.UTF_8)).isEqualTo("a:all");
  }

  @Test
  void aRequestForACacheThatStartsLaterIsAnsweredOnceItStarts() throws Exception {
    VelaCluster[] nodes = nodes("late", 2);
    CacheChannel a = nodes[0].join("late-cache", new Echo("a"));
    opened.add(a);
    var reply = a.call(nodes[1].localMember(), bytes("early"), Duration.ofSeconds(10));
    opened.add(nodes[1].join("late-cache", new Echo("b")));

    assertThat(new String(reply.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("b:early");
  }

  @Test
  void aProbeForACacheThatDoesNotRunThereIsAnsweredAtOnceAndOneThatRunsIsServed() throws Exception {
    VelaCluster[] nodes = nodes("probes", 2);
    CacheChannel a = nodes[0].join("probed", new Echo("a"));
    opened.add(a);
    // far longer than the wait below: an answer must come from b's node, not from the timeout
    Duration patient = Duration.ofMinutes(5);

    var unanswered = a.probe(nodes[1].localMember(), bytes("anyone?"), patient);

    assertThatThrownBy(() -> unanswered.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'probed' does not run on node " + nodes[1].localMember());
    opened.add(nodes[1].join("probed", new Echo("b")));
    byte[] reply = a.probe(nodes[1].localMember(), bytes("now?"), patient).get(20, TimeUnit.SECONDS);
    assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("b:now?");
  }

  @Test
  void aSilentNodeTimesOutWithTheRpcTimeoutInTheMessage() {
    VelaCluster[] nodes = nodes("silent", 2);
    CacheChannel a = nodes[0].join("mute", new Echo("a"));
    opened.add(a);
    opened.add(nodes[1].join("mute", new Silent()));

    assertThatThrownBy(() -> a.call(nodes[1].localMember(), bytes("x"), Duration.ofMillis(300)).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("did not answer within rpcTimeout 300ms")
        .hasMessageContaining("'mute'");
  }

  @Test
  void aShortTimeoutEndsItsCallOnTimeEvenAfterALongerOneWasArmed() {
    VelaCluster[] nodes = nodes("deadlines", 2);
    CacheChannel a = nodes[0].join("mute", new Echo("a"));
    opened.add(a);
    opened.add(nodes[1].join("mute", new Silent()));
    var patient = a.call(nodes[1].localMember(), bytes("long"), Duration.ofMinutes(5));

    long started = System.nanoTime();
    var hasty = a.call(nodes[1].localMember(), bytes("short"), Duration.ofMillis(200));

    // the timer first waited for the five-minute call: the short one must have woken it earlier
    assertThatThrownBy(() -> hasty.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("did not answer within rpcTimeout 200ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(patient).isNotDone();
  }

  @Test
  void repliesAreReadOnTheConnectionsThreadAndCallsOnThePools() throws Exception {
    VelaCluster[] nodes = nodes("direct", 2);
    List<String> served = new CopyOnWriteArrayList<>();
    java.util.concurrent.Semaphore answer = new java.util.concurrent.Semaphore(0);
    CacheChannel a = nodes[0].join("where", new Echo("a"));
    opened.add(a);
    opened.add(nodes[1].join("where", new CacheEndpoint() {
      @Override
      public void handle(String from, byte[] request, Consumer<byte[]> reply) {
        served.add(Thread.currentThread().getName());
        try {
          // the test first chains its callback on the call, which then runs on the completing thread
          if (answer.tryAcquire(20, TimeUnit.SECONDS)) {
            reply.accept(request);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void membersChanged(List<String> members) {}
    }));
    List<String> completed = new CopyOnWriteArrayList<>();

    for (int i = 0; i < 3; i++) {
      var done = a.call(nodes[1].localMember(), bytes("x" + i), Duration.ofSeconds(10))
          .thenRun(() -> completed.add(Thread.currentThread().getName()));
      answer.release();
      done.get(20, TimeUnit.SECONDS);
    }

    // JGroups names a connection's reading thread "Connection.Receiver ..." and its pool's "jgroups-<n>,..."
    assertThat(completed).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("Connection.Receiver"));
    assertThat(served).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("jgroups-"));
  }

  @Test
  void repliesTooLargeForTheReadingThreadToSendStillArrive() throws Exception {
    VelaCluster[] nodes = nodes("large", 2);
    CacheChannel a = nodes[0].join("big", new Echo("a"));
    opened.add(a);
    opened.add(nodes[1].join("big", new Echo("b")));
    byte[] large = new byte[CallTransport.INLINE_SEND_BYTES * 4];
    Arrays.fill(large, (byte) 'x');

    List<java.util.concurrent.CompletableFuture<byte[]>> replies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replies.add(a.call(nodes[1].localMember(), large, Duration.ofSeconds(10)));
    }

    for (var reply : replies) {
      assertThat(reply.get(20, TimeUnit.SECONDS)).hasSize(large.length + 2).startsWith(bytes("b:"));
    }
  }

  @Test
  void aFrameOfAnotherProtocolVersionIsRefusedAndTheRefusalEndsTheCallsToTheRefusingNode() throws Exception {
    VelaCluster[] nodes = nodes("versions", 2);
    CacheChannel a = nodes[0].join("v", new Echo("a"));
    opened.add(a);
    opened.add(nodes[1].join("v", new CacheEndpoint() {
      @Override
      public void handle(String from, byte[] request, Consumer<byte[]> reply) {
        // never answers: only the refusal ends the call
      }

      @Override
      public void membersChanged(List<String> members) {}
    }));
    var waiting = a.call(nodes[1].localMember(), bytes("x"), Duration.ofMinutes(5));
    org.jgroups.Address b = nodes[0].jgroupsChannel().getView().getMembers().stream()
        .filter(member -> member.toString().equals(nodes[1].localMember())).findFirst().orElseThrow();

    // a frame as a node of a later version would send it: b refuses it, naming its own version
    nodes[0].jgroupsChannel().send(new org.jgroups.BytesMessage(b, new byte[] {(byte) (CallFrames.VERSION + 1), 0}));

    assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("node " + nodes[1].localMember() + " speaks version " + CallFrames.VERSION
            + " of the cluster call protocol")
        .hasMessageContaining("Run one version of Vela on every node");
  }

  @Test
  void aCallToANodeOutsideTheViewFailsAtOnce() {
    VelaCluster[] nodes = nodes("gone", 1);
    CacheChannel a = nodes[0].join("c", new Echo("a"));
    opened.add(a);

    assertThatThrownBy(() -> a.call("nobody", bytes("x"), Duration.ofSeconds(30)).join())
        .cause()
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("node nobody is not a member of cluster 'gone'");
  }

  @Test
  void endpointsHearTheViewWhenTheyJoinAndWhenItChanges() throws Exception {
    VelaCluster[] nodes = nodes("views", 2);
    Echo echo = new Echo("a");
    opened.add(nodes[0].join("v", echo));
    nodes[1].close();

    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (echo.views.stream().noneMatch(view -> view.size() == 1) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(echo.views.get(0)).hasSize(2);
    assertThat(echo.views).anySatisfy(view -> assertThat(view).containsExactly(nodes[0].localMember()));
  }

  @Test
  void requireMembersNamesWhatItCouldNotReach() {
    int port = FreePorts.next();
    int absent = FreePorts.next();
    assertThatThrownBy(() -> VelaCluster.builder()
            .clusterName("alone")
            .port(port)
            .initialHosts(FreePorts.loopbackHosts(port, absent))
            .joinTimeout(Duration.ofMillis(300))
            .requireMembers(RequiredMembers.parse(FreePorts.loopbackHosts(absent)))
            .start())
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("no member at 127.0.0.1:" + absent)
        .hasMessageContaining("within 300ms");
  }

  @Test
  void twoCachesOfOneNameOnOneNodeAreRefused() {
    VelaCluster[] nodes = nodes("twice", 1);
    opened.add(nodes[0].join("same", new Echo("a")));
    assertThatThrownBy(() -> nodes[0].join("same", new Echo("b")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'same' already runs on cluster node");
  }

  @Test
  void settingsFromOptionsResolvePlaceholdersAndNameBadValues() {
    ClusterSettings settings = ClusterSettings.fromOptions("c", Map.of(
        "cluster", "${VELA_TEST_UNSET_CLUSTER:orders}", "port", "7811", "rpcTimeout", "250ms",
        "requireMembers", "3", "initialHosts", "127.0.0.1[7811],127.0.0.1[7812]"));
    assertThat(settings.clusterName()).isEqualTo("orders");
    assertThat(settings.port()).isEqualTo(7811);
    assertThat(settings.rpcTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.requireMembers()).isEqualTo(new RequiredMembers.Count(3));

    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("initialHosts", "127.0.0.1:7800")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("cache 'c'")
        .hasMessageContaining("not host[port]");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("port", "seventy")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("port \"seventy\", which is not a port number");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("joinTimeout", "soon")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("joinTimeout \"soon\"");
  }
}
