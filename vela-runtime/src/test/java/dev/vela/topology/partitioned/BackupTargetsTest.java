package dev.vela.topology.partitioned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.backend.memory.MemoryBackend;
import dev.vela.codec.Codecs;
import dev.vela.topology.ring.HashRing;
import dev.vela.topology.version.HybridClock;
import dev.vela.topology.wire.Reply;
import dev.vela.topology.wire.Wire;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The node that wrote a key copies the write to the key's backups once its owner has stored it.
 * When this node's ring changed between routing the write and copying it, the copies go to the
 * backups of the ring the write was routed by (the owner's handover counts on them) and to the
 * replicas of the new ring (they serve the key from now on), never to one ring's alone: a backup
 * that missed the write could later serve an older value than the acknowledged one.
 */
class BackupTargetsTest {
  private final InstantSource clock = InstantSource.system();
  private final Wire<String, String> wire = new Wire<>(Codecs.STRING, Codecs.STRING, clock, error -> {});
  private final Routing routing = new Routing("a");
  private final Partition<String, String> partition = new Partition<>("a",
      MemoryBackend.unbounded(clock, (key, value, cause) -> {}), routing,
      new Remote<>("targets", new TwoNodeChannel(Duration.ofSeconds(5)) {
        @Override
        public CompletableFuture<byte[]> call(String member, byte[] request, Duration timeout) {
          return CompletableFuture.completedFuture(Reply.okEmpty());
        }
      }, wire, () -> routing.ring().members()),
      wire, 1, new HybridClock(clock), new VersionTable<>(clock, Duration.ofMinutes(2)));

  private HashRing ringOf(String... members) {
    for (String member : members) {
      routing.running(member);
    }
    routing.update(List.of(members), false);
    return routing.ring();
  }

  @Test
  void aSteadyRingCopiesToTheKeysBackupsOnly() {
    HashRing ring = ringOf("a", "b", "c", "d");
    for (int i = 0; i < 200; i++) {
      String key = "k" + i;
      assertThat(partition.copyTargets(key, ring)).isEqualTo(partition.backupsOf(key));
    }
  }

  @Test
  void aRingThatChangedSinceTheWriteWasRoutedCopiesToTheReplicasOfBoth() {
    HashRing routedBy = ringOf("a", "b", "c", "d");
    HashRing now = ringOf("a", "b", "c", "d", "e", "f");
    int differing = 0;
    for (int i = 0; i < 200; i++) {
      String key = "k" + i;
      List<String> before = partition.replicasOf(key, routedBy);
      List<String> expected = new ArrayList<>(before.subList(1, before.size()));
      partition.replicasOf(key, now).stream().filter(m -> !expected.contains(m) && !m.equals(before.get(0)))
          .forEach(expected::add);
      List<String> targets = partition.copyTargets(key, routedBy);
      assertThat(targets).as(key).containsExactlyInAnyOrderElementsOf(expected).doesNotContain(before.get(0));
      assertThat(targets).as(key).containsAll(partition.replicasOf(key, now).stream()
          .filter(m -> !m.equals(before.get(0))).toList());
      if (!partition.backupsOf(key).equals(before.subList(1, before.size()))) {
        differing++;
      }
    }
    assertThat(differing).as("keys whose backups the change moved: copies to one ring alone would miss some").isPositive();
  }
}
