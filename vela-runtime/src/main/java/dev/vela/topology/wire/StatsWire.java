package dev.vela.topology.wire;

import dev.vela.CacheStats;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;

/** How one node's counters cross to the node that adds up a cache's stats. */
public final class StatsWire {
  private StatsWire() {}

  /** Writes every counter of {@code stats}. */
  public static void write(CodecOutput out, CacheStats stats) {
    for (long counter : new long[] {
        stats.hits(), stats.misses(), stats.writes(), stats.deletes(), stats.evictions(), stats.expirations(),
        stats.fetches(), stats.fetchErrors(), stats.decodeErrors(), stats.l1Hits(), stats.l1Misses()}) {
      out.writeVarLong(counter);
    }
  }

  /** Reads counters written by {@link #write}. */
  public static CacheStats read(CodecInput in) {
    return new CacheStats(
        in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
        in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong());
  }
}
