/**
 * The consistent-hash ring that maps a key's stable hash to the node that owns it. It depends only
 * on member names and {@link dev.vela.codec.StableHash}, so every JVM that sees the same members
 * routes every key the same way.
 */
package dev.vela.topology.ring;
