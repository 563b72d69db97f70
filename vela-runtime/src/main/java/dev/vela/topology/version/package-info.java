/**
 * Versions of writes that every node orders alike: a hybrid logical clock and the version it
 * stamps, and the versioned state of a key, shared by the topologies that keep copies of a key on
 * several nodes.
 */
package dev.vela.topology.version;
