/**
 * The bytes that clustered topologies send between nodes: keys, framed values, entries with their
 * remaining time to live and tags, counters, and the status byte of every reply.
 */
package dev.vela.topology.wire;
