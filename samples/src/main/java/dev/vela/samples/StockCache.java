package dev.vela.samples;

import dev.vela.Cache;
import dev.vela.annotation.Option;
import dev.vela.annotation.Topology;
import dev.vela.annotation.VelaCache;

/** Stock levels by SKU, partitioned over the nodes of the cluster "tour" by a consistent-hash ring. */
@VelaCache(
    topology = Topology.PARTITIONED,
    topologyOpts = {
      @Option(name = "cluster", value = "tour"),
      @Option(name = "joinTimeout", value = "500ms")
    })
public interface StockCache extends Cache<String, Integer> {}
