/**
 * The near cache: a local memory L1 in front of any topology, kept coherent by invalidations that
 * other nodes and processes send over a {@link dev.vela.backend.ChangeFeed}, and guarded against
 * keeping a value read while the key changed.
 */
package dev.vela.near;
