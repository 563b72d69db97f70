package dev.vela.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vela.annotation.Topology;
import dev.vela.backend.StoredEntry;
import dev.vela.backend.memory.MemoryBackend;
import dev.vela.testing.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LOCAL passes every operation to its one backend and is its own node-local variant. */
class LocalTopologyTest {
  private final MemoryBackend<String, String> backend = MemoryBackend.unbounded(new ManualClock(), (k, v, c) -> {});
  private final LocalTopology<String, String> topology = new LocalTopology<>(backend);

  @Test
  void describesOneLocalNode() {
    assertThat(topology.kind()).isEqualTo(Topology.LOCAL);
    assertThat(topology.node()).isEqualTo("local");
    assertThat(topology.isDistributed()).isFalse();
    assertThat(topology.nodeLocal()).isSameAs(topology);
    assertThat(topology.localBackend()).isSameAs(backend);
    assertThat(topology.details()).containsEntry("topology.members", "local").containsEntry("memory.bounded", "false");
  }

  @Test
  void passesEveryOperationToTheBackend() {
    topology.put("a", "1", StoredEntry.NO_EXPIRY, Set.of("t"));
    topology.putAll(Map.of("b", new StoredEntry<>("2", StoredEntry.NO_EXPIRY, Set.of())));
    topology.requireSingleOwner(List.of("a", "b"));

    assertThat(backend.get("a")).isEqualTo("1");
    assertThat(topology.get("b")).isEqualTo("2");
    assertThat(topology.entry("a").tags()).containsExactly("t");
    assertThat(topology.size()).isEqualTo(2);
    assertThat(topology.entries()).hasSize(2);
    assertThat(topology.invalidateTag("t")).isEqualTo(1);
    assertThat(topology.delete("b")).isTrue();
    topology.put("c", "3", StoredEntry.NO_EXPIRY, Set.of());
    assertThat(topology.flush()).isEqualTo(1);
    assertThat(backend.heldEntries()).isZero();
  }

  @Test
  void closeClosesTheBackend() {
    topology.put("a", "1", StoredEntry.NO_EXPIRY, Set.of());

    topology.close();

    assertThat(backend.heldEntries()).isZero();
  }
}
