/**
 * The DISK backend: one MapDB file store per cache under the {@code dataDir} option, holding
 * encoded keys and framed values with their absolute expiry time and tags, so entries survive
 * restarts and crashes. Every change is appended to an operation log before it returns and forced
 * to disk as the {@code fsync} option says ({@code OpLog}); the store is checkpointed in the
 * background, each checkpoint reaching the store file whole through a redo log of the pages it
 * changes ({@code RedoLoggedVolume}), and the log is cut after it. A lock file beside each store
 * names the process that holds it; a corrupt store is refused by name or, with {@code
 * onCorruption=moveAside}, moved aside. With {@code maxSize} the keys are ordered in memory by the
 * eviction policy ({@code KeyBound}).
 */
package dev.vela.backend.disk;
