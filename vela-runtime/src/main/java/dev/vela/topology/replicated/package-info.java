/**
 * The REPLICATED topology: every node holds a full copy, reads are local, and each write reaches
 * every node running the cache before it returns. Writes carry versions from a hybrid logical
 * clock, so copies converge on the last writer whatever order writes arrive in; a joining node
 * receives the full contents before its cache starts.
 */
package dev.vela.topology.replicated;
