/**
 * The seam between the cache core and the backends: which node holds which key. {@link
 * dev.vela.topology.LocalTopology} passes everything to one backend on this node; replicated and
 * partitioned topologies will route key operations to owner nodes, aggregate cache-wide ones over
 * every node, and offer a node-local variant for {@code Cache.local()}.
 */
package dev.vela.topology;
