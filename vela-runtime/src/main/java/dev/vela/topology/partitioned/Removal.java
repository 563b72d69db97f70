package dev.vela.topology.partitioned;

import dev.vela.topology.version.Version;

/**
 * The answer to a delete: whether something was removed, and the version the owner gave the
 * removal, which the writer passes on to the key's backups.
 *
 * @param removed true when the key was present
 * @param version the owner's version of the removal; null when an old owner answered from its backend alone
 */
record Removal(boolean removed, Version version) {}
