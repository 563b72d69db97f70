package dev.vela.annotation;

/** Which node holds which key. */
public enum Topology {
  /** This JVM only. */
  LOCAL,
  /** Every node of the cluster holds every entry; reads are local, writes reach all nodes. */
  REPLICATED,
  /** A consistent-hash ring gives each key one owner node; other nodes reach it by RPC. */
  PARTITIONED
}
