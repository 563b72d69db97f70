/**
 * The DISK backend: one MapDB file store per cache under the {@code dataDir} option, holding
 * encoded keys and framed values with their absolute expiry time and tags, so entries survive
 * restarts and crashes. Each commit reaches the store file whole, through a redo log of the pages
 * it changes (see {@code RedoLoggedVolume}). A lock file beside each store names the process that
 * holds it; a corrupt store is refused by name or, with {@code onCorruption=moveAside}, moved
 * aside.
 */
package dev.vela.backend.disk;
