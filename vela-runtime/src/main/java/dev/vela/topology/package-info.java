/**
 * The seam between the cache core and the backends: which node holds which key. {@link
 * dev.vela.topology.LocalTopology} passes everything to one backend on this node; the replicated
 * topology ({@code topology.replicated}) keeps a full copy on every node, reading here and writing
 * to all; the partitioned topology ({@code topology.partitioned}) routes each key operation to the
 * key's owner on the ring ({@code topology.ring}), aggregates cache-wide ones over every node, and
 * offers a node-local variant for {@code Cache.local()}.
 */
package dev.vela.topology;
