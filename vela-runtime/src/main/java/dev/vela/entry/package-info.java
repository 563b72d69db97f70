/**
 * Per-entry hooks for a local store: entry events (created, updated, removed, expired, with old
 * values), an expiry policy consulted on creation, update and read, a read-through loader and a
 * write-through writer. {@link dev.vela.entry.HookedStore} runs them over a memory backend; the
 * JCache provider maps the JSR-107 configuration onto them, and any code can use them without it.
 *
 * <p>Events are reported on the node where the change happens, on the thread that made it, once the
 * change is made and before the key's lock is released, so one key's events arrive in order.
 * Cluster-wide listeners would need each change to be published on the cluster channel with its old
 * value, and delivery that survives a view change; that is not built here.
 */
package dev.vela.entry;
